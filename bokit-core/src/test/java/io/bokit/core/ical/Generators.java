package io.bokit.core.ical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded generators of feed bodies for the fuzzing tests: whole calendars built from random content lines, content
 * lines (properties, parameters, dates, durations, recurrence rules), hostile text and garbage. Each draws from the
 * {@link Random} it is given, so one seed gives one input. Shared with the testkit's fuzzing through bokit-core's
 * test jar.
 */
public final class Generators {
    /** SQL, format strings, markup, quotes and control characters that must be stored as text, never executed. */
    public static final List<String> NASTY = List.of(
            "'; DROP TABLE bokit_booking; --",
            "\"; DROP TABLE bokit_feed; --",
            "Robert'); DELETE FROM bokit_option WHERE ('1'='1",
            "' OR '1'='1",
            "1; SELECT pg_sleep(10)",
            "${jndi:ldap://example.invalid/a}",
            "%s%s%s%n",
            "{}{}{}",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "\\\\server\\share",
            "\u0000",
            "\uFEFF",
            "\u202Eevil\u202C",
            "Zoë Ødegård 李小龍 🏖️",
            "\uD800",
            "a\r\nBEGIN:VEVENT\r\nUID:injected\r\nEND:VEVENT",
            "null",
            "",
            " ",
            "\t\n");

    private static final List<String> KNOWN_NAMES = List.of(
            "UID",
            "SUMMARY",
            "DESCRIPTION",
            "STATUS",
            "DTSTART",
            "DTEND",
            "DURATION",
            "RRULE",
            "RECURRENCE-ID",
            "EXDATE",
            "RDATE",
            "DTSTAMP",
            "BEGIN",
            "END",
            "X-WR-TIMEZONE",
            "TZID",
            "ORGANIZER",
            "ATTENDEE");

    private static final List<String> ZONES = List.of(
            "Europe/Paris",
            "W. Europe Standard Time",
            "America/New_York",
            "Nowhere/Land",
            "/mozilla.org/20050126_1/Europe/Berlin",
            "+05:30",
            "GMT-25",
            "UTC",
            "");

    private static final List<String> EXTREME_DATES = List.of(
            "00010101",
            "99991231",
            "99991231T235959Z",
            "00000000",
            "20250230",
            "20251301T000000",
            "2025-06-01",
            "2025-06-01T10:00:00Z",
            "20250601T250000",
            "20250601T1000",
            "+999999999-12-31",
            "20250601T100000+0200",
            "");

    private Generators() {}

    // ---- primitives ---------------------------------------------------------------------------------------------

    /** A number in {@code [low, high]}. */
    public static int between(Random random, int low, int high) {
        return low + (int) (random.nextDouble() * ((long) high - low + 1));
    }

    /** One element. */
    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The index of a weight, drawn in proportion to the weights. */
    public static int weighted(Random random, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int k = 0; k < weights.length; k++) {
            draw -= weights[k];
            if (draw < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }

    /** Up to {@code max} values of a generator. */
    public static <T> List<T> list(Random random, int max, Function<Random, T> generator) {
        int size = random.nextInt(max + 1);
        List<T> values = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            values.add(generator.apply(random));
        }
        return values;
    }

    /** Up to {@code max} characters from the whole UTF-16 range (lone surrogates included), ASCII more often. */
    public static String anyText(Random random, int max) {
        int length = random.nextInt(max + 1);
        StringBuilder out = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            out.append(
                    switch (weighted(random, 5, 2, 2, 1)) {
                        case 0 -> (char) between(random, 0x20, 0x7E);
                        case 1 -> (char) between(random, 0, 0x1F);
                        case 2 -> (char) between(random, 0x80, 0x2FFF);
                        default -> (char) random.nextInt(0x10000);
                    });
        }
        return out.toString();
    }

    /** Up to {@code max} characters among {@code chars}. */
    public static String textOf(Random random, int max, String chars) {
        int length = random.nextInt(max + 1);
        StringBuilder out = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }

    // ---- text ---------------------------------------------------------------------------------------------------

    /** Text an attacker or a broken channel could send: any characters, control characters, SQL, huge strings. */
    public static String hostileText(Random random) {
        return switch (weighted(random, 4, 3, 3, 2, 1)) {
            case 0 -> pick(random, NASTY);
            case 1 -> anyText(random, 40);
            case 2 -> textOf(random, 20, "\u0000\u0001\u0007\b\t\n\u000B\f\r\u001B\u001F\u007F'\"`\\;:,=\u2028\u0085");
            case 3 -> {
                String affix = textOf(random, 6, "abcXYZ019 ");
                yield affix + pick(random, NASTY) + affix;
            }
            default -> hugeText(random);
        };
    }

    /** A string of about 100 KB (90,000 to 120,000 characters) of one repeated unit. */
    public static String hugeText(Random random) {
        String unit = pick(random, List.of("x", "é", "'", "\u0000", "🏖", "'; DROP TABLE bokit_booking; --"));
        int length = between(random, 90_000, 120_000);
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    // ---- iCalendar values ---------------------------------------------------------------------------------------

    /** A date or date-time value as feeds write it, mostly valid, sometimes broken or extreme. */
    public static String dateValue(Random random) {
        return switch (weighted(random, 6, 2, 2)) {
            case 0 -> {
                int year = between(random, 1990, 2040);
                int month = between(random, 1, 12);
                int day = between(random, 1, 28);
                yield random.nextBoolean()
                        ? String.format("%04d%02d%02d", year, month, day)
                        : String.format(
                                "%04d%02d%02dT%02d%02d00%s",
                                year,
                                month,
                                day,
                                between(random, 0, 23),
                                between(random, 0, 59),
                                random.nextBoolean() ? "Z" : "");
            }
            case 1 -> pick(random, EXTREME_DATES);
            default -> textOf(random, 24, "0123456789TZ-:+");
        };
    }

    /** A DURATION value, mostly valid, sometimes huge or broken. */
    public static String duration(Random random) {
        if (random.nextInt(4) == 0) {
            return pick(random, List.of("P1D", "PT0S", "P", "PT", "P1Y", "P999999999999D", "PT99999999999999H", "xyz"));
        }
        String unit = pick(random, List.of("D", "W", "H", "M", "S"));
        long amount = random.nextBoolean() ? between(random, 0, 400) : (long) (random.nextDouble() * 4_000_000_000L);
        return pick(random, List.of("P", "-P", "+P")) + ("DW".contains(unit) ? "" : "T") + amount + unit;
    }

    /** An RRULE value: random parts with random and extreme numbers. */
    public static String rrule(Random random) {
        List<String> parts = list(random, 5, Generators::rrulePart);
        if (random.nextInt(3) > 0) {
            parts.add(
                    0,
                    "FREQ="
                            + pick(
                                    random,
                                    List.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "MINUTELY", "SECONDLY")));
        }
        return String.join(";", parts);
    }

    private static String rrulePart(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "FREQ="
                    + pick(
                            random,
                            List.of(
                                    "SECONDLY",
                                    "MINUTELY",
                                    "HOURLY",
                                    "DAILY",
                                    "WEEKLY",
                                    "MONTHLY",
                                    "YEARLY",
                                    "FORTNIGHTLY"));
            case 1 -> "INTERVAL=" + number(random);
            case 2 -> "COUNT=" + number(random);
            case 3 -> "UNTIL=" + dateValue(random);
            case 4 -> "BYDAY="
                    + String.join(
                            ",",
                            list(
                                    random,
                                    3,
                                    r -> pick(r, List.of("", "1", "-1", "2", "5", "53", "-99"))
                                            + pick(r, List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU", "XX"))));
            case 5 -> pick(
                            random,
                            List.of(
                                    "BYMONTHDAY",
                                    "BYMONTH",
                                    "BYSETPOS",
                                    "BYHOUR",
                                    "BYMINUTE",
                                    "BYSECOND",
                                    "BYWEEKNO",
                                    "BYYEARDAY"))
                    + "="
                    + String.join(",", list(random, 3, r -> String.valueOf(number(r))));
            case 6 -> pick(
                    random, List.of("WKST=MO", "WKST=XX", "RSCALE=GREGORIAN", "SKIP=OMIT", "X-NAME=1", "=", ";;"));
            default -> anyText(random, 12);
        };
    }

    private static long number(Random random) {
        return random.nextInt(7) > 0
                ? between(random, -400, 400)
                : pick(
                        random,
                        List.of(
                                0L,
                                1L,
                                53L,
                                366L,
                                (long) Integer.MAX_VALUE,
                                (long) Integer.MIN_VALUE,
                                99_999_999_999L));
    }

    /** One content line ({@code NAME;PARAM=V:value}), without its line end. */
    public static String propertyLine(Random random) {
        String name =
                switch (weighted(random, 6, 1, 1)) {
                    case 0 -> pick(random, KNOWN_NAMES);
                    case 1 -> textOf(random, 12, "ABCDEFGHIJKLMNOPQRSTUVWXYZ-");
                    default -> {
                        String text = hostileText(random);
                        yield text.length() > 200 ? text.substring(0, 200) : text;
                    }
                };
        List<String> params = list(random, 3, Generators::parameter);
        return name + (params.isEmpty() ? "" : ";" + String.join(";", params)) + ":" + propertyValue(random);
    }

    private static String parameter(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> pick(
                    random,
                    List.of("VALUE=DATE", "VALUE=DATE-TIME", "VALUE=PERIOD", "LANGUAGE=en-us", "X=\"a;b:c,d\""));
            case 1 -> "TZID=" + pick(random, ZONES);
            default -> textOf(random, 8, "ABCXYZabc-") + "=" + hostileText(random);
        };
    }

    private static String propertyValue(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> dateValue(random);
            case 1 -> duration(random);
            case 2 -> rrule(random);
            case 3 -> hostileText(random);
            case 4 -> pick(
                    random,
                    List.of(
                            "Reserved",
                            "Airbnb (Not available)",
                            "CLOSED - Not available",
                            "CLOSED - Jane",
                            "CANCELLED",
                            "VEVENT",
                            "VCALENDAR",
                            "VALARM"));
            default -> String.join(
                    "\\n",
                    list(
                            random,
                            4,
                            r -> pick(r, List.of("STATUS", "GUESTS", "ADULTS", "PHONE", "EMAIL", "OTA", "TIME", "X"))
                                    + ": "
                                    + hostileText(r)));
        };
    }

    // ---- components ---------------------------------------------------------------------------------------------

    /** One VEVENT, usually with a readable DTSTART, sometimes recurring, sometimes with a nested component. */
    public static String event(Random random) {
        StringBuilder out = new StringBuilder("BEGIN:VEVENT\r\n");
        if (random.nextInt(10) > 0) {
            out.append(pick(
                            random,
                            List.of(
                                    "DTSTART",
                                    "DTSTART;VALUE=DATE",
                                    "DTSTART;TZID=Europe/Paris",
                                    "DTSTART;TZID=Nowhere")))
                    .append(':')
                    .append(dateValue(random))
                    .append("\r\n");
        }
        switch (weighted(random, 5, 1, 1)) {
            case 0 -> out.append("UID:uid-").append(random.nextInt(6)).append("@fuzz\r\n");
            case 1 -> out.append("UID:").append(hostileText(random)).append("\r\n");
            default -> {
                // no UID: the key is derived from the event
            }
        }
        for (String line : list(random, 8, Generators::eventLine)) {
            out.append(line).append("\r\n");
        }
        return out.append("END:VEVENT\r\n").toString();
    }

    private static String eventLine(Random random) {
        return switch (weighted(random, 3, 2, 2, 3, 2, 2, 1, 4, 1)) {
            case 0 -> "DTEND:" + dateValue(random);
            case 1 -> "DTEND;VALUE=DATE:" + dateValue(random);
            case 2 -> "DURATION:" + duration(random);
            case 3 -> "RRULE:" + rrule(random);
            case 4 -> "RDATE:" + String.join(",", list(random, 5, Generators::dateValue));
            case 5 -> "EXDATE:" + String.join(",", list(random, 5, Generators::dateValue));
            case 6 -> "RECURRENCE-ID:" + dateValue(random);
            case 7 -> propertyLine(random);
            default -> "BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nEND:VALARM";
        };
    }

    /** A whole VCALENDAR of generated events, sometimes with stray lines between them. */
    public static String calendar(Random random) {
        StringBuilder out = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\n");
        for (int k = random.nextInt(9); k > 0; k--) {
            out.append(random.nextInt(9) > 0 ? event(random) : propertyLine(random) + "\r\n");
        }
        return out.append("END:VCALENDAR\r\n").toString();
    }

    /** A body that is not iCalendar, or barely: any text, random bytes, HTML, an envelope around junk. */
    public static String garbage(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> anyText(random, 3000);
            case 1 -> new String(bytes(random), StandardCharsets.UTF_8);
            case 2 -> new String(bytes(random), StandardCharsets.ISO_8859_1);
            case 3 -> pick(
                    random,
                    List.of(
                            "",
                            "\uFEFF",
                            " \r\n\t",
                            "<!DOCTYPE html><html><body>Please log in</body></html>",
                            "<?xml version=\"1.0\"?><error/>",
                            "{\"error\":\"rate limited\"}",
                            "BEGIN:VCALENDAR",
                            "BEGIN:VCALENDAR\r\nEND:VCALENDAR",
                            "END:VCALENDAR\r\nBEGIN:VCALENDAR\r\n",
                            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
                            "BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
            case 4 -> "BEGIN:VCALENDAR\r\n" + hostileText(random) + "\r\nEND:VCALENDAR\r\n";
            case 5 -> "BEGIN:VCALENDAR\r\n" + String.join("\r\n", list(random, 20, Generators::propertyLine))
                    + "\r\nEND:VCALENDAR\r\n";
            default -> "BEGIN:VCALENDAR\r\n" + anyText(random, 500) + "\r\nEND:VCALENDAR\r\n";
        };
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(3001)];
        random.nextBytes(bytes);
        return bytes;
    }
}
