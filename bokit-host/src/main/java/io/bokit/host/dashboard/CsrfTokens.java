package io.bokit.host.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed CSRF tokens of the page's forms, without a session: {@code <expiry>.<HMAC-SHA256(key, expiry|operator)>}
 * with a random key per process. A page from another site cannot read one (same-origin policy), a token of one
 * operator is refused for another, and every token expires. Thread-safe.
 */
final class CsrfTokens {
    /** How long a page's buttons keep working after it was rendered. */
    static final Duration LIFETIME = Duration.ofHours(8);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    CsrfTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A token for this operator (null when unknown), valid until {@code now + LIFETIME}. */
    String issue(String operator, Instant now) {
        long expiry = now.plus(LIFETIME).getEpochSecond();
        return expiry + "." + sign(expiry, operator);
    }

    /** Whether a token was issued to this operator and has not expired; false for null or malformed text. */
    boolean valid(String token, String operator, Instant now) {
        if (token == null || token.length() > 200) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (now.getEpochSecond() > expiry) {
            return false;
        }
        byte[] expected = sign(expiry, operator).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private String sign(long expiry, String operator) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature =
                    mac.doFinal((expiry + "|" + (operator == null ? "" : operator)).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
