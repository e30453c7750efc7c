package io.bokit.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of an {@link ExportToken}, in lower-case hex: what a store keeps instead of the token, so a
 * leaked table does not leak the export URLs.
 *
 * @param hex 64 lower-case hex digits
 */
public record TokenHash(String hex) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        if (hex == null || !FORMAT.matcher(hex).matches()) {
            throw new InvalidInputException("Invalid token hash \"" + Ids.excerpt(hex) + "\": expected 64 hex digits");
        }
    }

    /** The hash of a token. */
    public static TokenHash of(ExportToken token) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(token.reveal().getBytes(StandardCharsets.US_ASCII));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Whether this is the hash of that token, compared in constant time. */
    public boolean matches(ExportToken token) {
        return MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), of(token).hex().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "sha256:" + hex.substring(0, 8) + "…";
    }
}
