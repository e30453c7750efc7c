package io.bokit.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** How instants and durations read in text output: ISO-8601 UTC, plus "in 5 min" / "12 min ago". */
final class Formats {
    private Formats() {}

    /** An instant as ISO-8601 UTC to the second, or {@code -} for null. */
    static String instant(Instant value) {
        return value == null ? "-" : value.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An instant and how far it is from now: {@code 2026-05-01T10:00:00Z (in 5 min)}, or {@code -}. */
    static String instant(Instant value, Instant now) {
        if (value == null) {
            return "-";
        }
        Duration delta = Duration.between(now, value);
        String relative = delta.isNegative() ? duration(delta.negated()) + " ago" : "in " + duration(delta);
        return instant(value) + " (" + relative + ")";
    }

    /** {@code no DTSTART (UID x); duplicate UID y}, then {@code ; …} when more events were skipped than reasons kept. */
    static String skippedReasons(int skipped, List<String> reasons) {
        return String.join("; ", reasons) + (skipped > reasons.size() ? "; …" : "");
    }

    /** A duration in words: {@code 45 s}, {@code 12 min}, {@code 2 h 5 min}, {@code 3 d 4 h}. */
    static String duration(Duration value) {
        long seconds = value.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** A time zone's id, with {@code UTC} for the offset zero (whose id is {@code Z}). */
    static String zone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
