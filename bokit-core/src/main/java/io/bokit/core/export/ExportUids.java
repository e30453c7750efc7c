package io.bokit.core.export;

import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The UIDs of exported events: a salted SHA-256 of calendar, feed and booking key, cut to 128 bits, so a
 * UID is stable for one booking and says nothing of the channel's UID, the feed or the calendar.
 */
public final class ExportUids {
    /** Appended to every exported UID; also how an importer can recognise bokit's events. */
    public static final String DOMAIN = "@bokit";

    private static final byte[] SALT = "bokit export uid v1".getBytes(StandardCharsets.UTF_8);
    private static final int HEX_CHARS = 32;
    /** A digest that has read the salt, cloned for each UID (cheaper than looking SHA-256 up each time). */
    private static final MessageDigest SALTED = salted();

    private ExportUids() {}

    /**
     * The exported UID of a booking.
     *
     * @return 32 lower-case hex digits and {@link #DOMAIN}; the same inputs always give the same UID
     */
    public static String of(CalendarKey calendar, FeedId feed, BookingKey key) {
        MessageDigest digest = copy(SALTED);
        part(digest, calendar.value());
        part(digest, feed.value());
        part(digest, key.uid());
        part(digest, key.recurrenceId() == null ? "" : key.recurrenceId());
        digest.update((byte) (key.recurrenceId() == null ? 0 : 1));
        return HexFormat.of().formatHex(digest.digest()).substring(0, HEX_CHARS) + DOMAIN;
    }

    private static void part(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        // the length first, so that no two different tuples hash the same bytes
        digest.update(new byte[] {
            (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length
        });
        digest.update(bytes);
    }

    private static MessageDigest salted() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(SALT);
            copy(digest); // fails here, at class load, if this provider's digests cannot be cloned
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("This JVM's SHA-256 cannot be cloned", e);
        }
    }
}
