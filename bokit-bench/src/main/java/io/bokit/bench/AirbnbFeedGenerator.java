package io.bokit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic Airbnb "Hosting Calendar 1.0" export of any size, the same for the same seed.
 *
 * <p>It has the shape of a real export: CRLF line ends, {@code PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN}, one
 * all-day VEVENT per stay or block, with {@code DTSTAMP}, {@code DTSTART;VALUE=DATE}, {@code DTEND;VALUE=DATE}, a
 * {@code SUMMARY} of {@code Reserved} (about four in five events) or {@code Airbnb (Not available)}, a UID ending in
 * {@code @airbnb.com}, and for reservations a {@code DESCRIPTION} holding the reservation URL and the last four digits
 * of the guest's phone, folded at 75 octets as Airbnb does. Stays follow each other without overlapping, from
 * 1 January 2020 on (or from a given day).
 *
 * <p>Run {@code java -cp benchmarks.jar io.bokit.bench.AirbnbFeedGenerator FILE [EVENTS [SEED]]} to write a feed to a
 * file (for tools outside the JVM). Stateless and thread-safe.
 */
public final class AirbnbFeedGenerator {
    /** The number of events of the benchmark feed. */
    public static final int DEFAULT_EVENTS = 10_000;

    /** The seed of the benchmark feed. */
    public static final long DEFAULT_SEED = 20_251_022L;

    private static final String CRLF = "\r\n";
    private static final int FOLD_AT = 75;
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    private static final String DTSTAMP = "20251022T225439Z";
    private static final String HEX = "0123456789abcdef";
    private static final String CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int RESERVED_PERCENT = 80;
    private static final int APPROXIMATE_EVENT_LENGTH = 400;

    private AirbnbFeedGenerator() {}

    /**
     * The benchmark feed: {@value #DEFAULT_EVENTS} events from seed {@value #DEFAULT_SEED}.
     *
     * @return the feed text, never null
     */
    public static String generate() {
        return generate(DEFAULT_EVENTS, DEFAULT_SEED);
    }

    /**
     * A feed of {@code events} events; the same arguments always give the same text.
     *
     * @param events how many VEVENTs, not negative
     * @param seed the seed of the pseudo-random choices (lengths, gaps, UIDs, codes, phone digits)
     * @return the feed text with CRLF line ends, never null
     * @throws IllegalArgumentException when {@code events} is negative
     */
    public static String generate(int events, long seed) {
        return generate(events, seed, FIRST_DAY);
    }

    /**
     * A feed of {@code events} events whose first stay starts on or shortly after {@code firstDay}; the same arguments
     * always give the same text.
     *
     * @param events how many VEVENTs, not negative
     * @param seed the seed of the pseudo-random choices (lengths, gaps, UIDs, codes, phone digits)
     * @param firstDay the earliest possible check-in, not null
     * @return the feed text with CRLF line ends, never null
     * @throws IllegalArgumentException when {@code events} is negative
     */
    public static String generate(int events, long seed, LocalDate firstDay) {
        if (events < 0) {
            throw new IllegalArgumentException("The number of events must not be negative: " + events);
        }
        SplittableRandom random = new SplittableRandom(seed);
        String reservationPrefix = hex(random, 12);
        String blockPrefix = hex(random, 12);
        StringBuilder out = new StringBuilder(256 + events * APPROXIMATE_EVENT_LENGTH);
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "VERSION:2.0");
        LocalDate day = firstDay;
        for (int k = 0; k < events; k++) {
            boolean reserved = random.nextInt(100) < RESERVED_PERCENT;
            LocalDate start = day.plusDays(random.nextInt(4));
            LocalDate end = start.plusDays(reserved ? 1 + random.nextInt(7) : 1 + random.nextInt(30));
            line(out, "BEGIN:VEVENT");
            line(out, "DTSTAMP:" + DTSTAMP);
            line(out, "DTSTART;VALUE=DATE:" + start.format(DateTimeFormatter.BASIC_ISO_DATE));
            line(out, "DTEND;VALUE=DATE:" + end.format(DateTimeFormatter.BASIC_ISO_DATE));
            line(out, "SUMMARY:" + (reserved ? "Reserved" : "Airbnb (Not available)"));
            line(out, "UID:" + (reserved ? reservationPrefix : blockPrefix) + '-' + hex(random, 32) + "@airbnb.com");
            if (reserved) {
                line(
                        out,
                        "DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM"
                                + code(random) + "\\nPhone Number (Last 4 Digits): "
                                + String.format(Locale.ROOT, "%04d", random.nextInt(10_000)));
            }
            line(out, "END:VEVENT");
            day = end;
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /**
     * Writes a feed to a file in UTF-8.
     *
     * @param args the file, then optionally the number of events and the seed
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: AirbnbFeedGenerator FILE [EVENTS [SEED]]");
            System.exit(2);
        }
        int events = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_EVENTS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        Files.writeString(Path.of(args[0]), generate(events, seed), StandardCharsets.UTF_8);
    }

    /** Appends one content line, folded at 75 octets (the text is ASCII, so one char is one octet). */
    private static void line(StringBuilder out, String content) {
        int from = 0;
        int width = FOLD_AT;
        while (content.length() - from > width) {
            out.append(content, from, from + width).append(CRLF).append(' ');
            from += width;
            width = FOLD_AT - 1;
        }
        out.append(content, from, content.length()).append(CRLF);
    }

    private static String hex(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            out.append(HEX.charAt(random.nextInt(HEX.length())));
        }
        return out.toString();
    }

    private static String code(SplittableRandom random) {
        StringBuilder out = new StringBuilder(8);
        for (int k = 0; k < 8; k++) {
            out.append(CODE_CHARS.charAt(random.nextInt(CODE_CHARS.length())));
        }
        return out.toString();
    }
}
