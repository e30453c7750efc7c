package io.bokit.core.domain;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret of an export's URL ({@code <path>/<token>.ics}): URL-safe base64 without padding, at least
 * {@value #MIN_BITS} bits of randomness. Its {@link #toString()} is masked; only {@link #reveal()} gives the
 * secret, so a token logged by mistake leaks nothing.
 *
 * @param value the token text, 22 to 128 characters of {@code A-Z a-z 0-9 - _}
 */
public record ExportToken(String value) {
    /** The fewest random bits a token may carry. */
    public static final int MIN_BITS = 128;

    /** The random bytes of a generated token: 256 bits, 43 characters. */
    public static final int GENERATED_BYTES = 32;

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    public ExportToken {
        if (value == null || !FORMAT.matcher(value).matches()) {
            // never the value itself: it may be a real token with a typo
            throw new InvalidInputException("Invalid export token: expected 22 to 128 characters of A-Z, a-z, 0-9,"
                    + " '-' or '_'" + (value == null ? "" : ", got " + value.length() + " characters"));
        }
    }

    /**
     * A token over these random bytes.
     *
     * @param random at least 16 bytes from a cryptographically strong source, not null
     * @return the token, never null
     * @throws IllegalArgumentException if fewer than 16 bytes
     */
    public static ExportToken of(byte[] random) {
        if (random.length * 8 < MIN_BITS) {
            throw new IllegalArgumentException(
                    "An export token needs at least " + MIN_BITS + " random bits, got " + random.length * 8);
        }
        return new ExportToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Whether a text has a token's form, so that a request path can be refused without an exception. */
    public static boolean isWellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** The secret itself, for the one place that must show it (the answer to add or rotate). */
    public String reveal() {
        return value;
    }

    /** The token's SHA-256, which is what bokit stores and looks up. */
    public TokenHash hash() {
        return TokenHash.of(this);
    }

    /** The token as bokit shows it: its first four characters and an ellipsis. */
    public String masked() {
        return hint(value);
    }

    /** The masked form of a token's first characters, as {@link ExportLink#tokenHint()} keeps it. */
    static String hint(String token) {
        return token.substring(0, 4) + "…";
    }

    @Override
    public String toString() {
        return masked();
    }
}
