package io.bokit.core.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A known option: its key, type, default and what values it allows. Values are stored as text
 * and parsed through the key, so a bad value is refused with the key, the value and the rule.
 *
 * @param <T> the option's type
 */
public final class OptionKey<T> {
    /** Seconds between two automatic syncs. */
    public static final OptionKey<Duration> SYNC_INTERVAL = new OptionKey<>(
            "sync.interval",
            "seconds between two automatic syncs",
            "a whole number of seconds from 1 to 2592000 (30 days)",
            Duration.ofHours(1),
            text -> Duration.ofSeconds(parseLong(text, 1, 2_592_000)),
            value -> Long.toString(value.toSeconds()));

    /** The gate: no automatic sync happens until installation is complete. */
    public static final OptionKey<Boolean> INSTALL_COMPLETE = new OptionKey<>(
            "install.complete",
            "whether installation is complete; automatic syncs only run when true",
            "true or false",
            false,
            OptionKey::parseBoolean,
            value -> Boolean.toString(value));

    /** Milliseconds between two requests to the same host. */
    public static final OptionKey<Duration> SYNC_REQUEST_DELAY = new OptionKey<>(
            "sync.request_delay",
            "milliseconds to wait between two requests to the same host",
            "a whole number of milliseconds from 0 to 60000",
            Duration.ZERO,
            text -> Duration.ofMillis(parseLong(text, 0, 60_000)),
            value -> Long.toString(value.toMillis()));

    /** The default time zone of calendars. */
    public static final OptionKey<ZoneId> TIMEZONE = new OptionKey<>(
            "timezone",
            "the default time zone of calendars",
            "a time-zone id such as Europe/Paris or UTC",
            ZoneId.of("UTC"),
            OptionKey::parseZone,
            ZoneId::getId);

    /**
     * How many runs in a row a feed that used to have future bookings must parse to zero events
     * before bokit believes it and vanishes them (channels serve an empty calendar by mistake).
     */
    public static final OptionKey<Integer> SYNC_EMPTY_FEED_RUNS = new OptionKey<>(
            "sync.empty_feed_runs",
            "runs in a row a feed must come back empty before its future bookings vanish",
            "a whole number from 1 to 100 (1 believes an empty feed at once)",
            3,
            text -> (int) parseLong(text, 1, 100),
            value -> Integer.toString(value));

    /** Whether the node that opens a run shares its feeds with every node that joins it. */
    public static final OptionKey<Boolean> SYNC_SHARED_RUNS = new OptionKey<>(
            "sync.shared_runs",
            "whether every node that sees a run open claims and syncs some of its feeds",
            "true or false",
            false,
            OptionKey::parseBoolean,
            value -> Boolean.toString(value));

    /** In a shared run, how many fetches to one channel host may be in flight at once, on all nodes together. */
    public static final OptionKey<Integer> SYNC_PER_HOST = new OptionKey<>(
            "sync.per_host",
            "in a shared run, fetches in flight to one channel host at once, on all nodes together",
            "a whole number from 1 to 64",
            1,
            text -> (int) parseLong(text, 1, 64),
            value -> Integer.toString(value));

    /** In a shared run, how long a node's claim on a feed holds without a word from that node. */
    public static final OptionKey<Duration> SYNC_CLAIM_LEASE = new OptionKey<>(
            "sync.claim_lease",
            "in a shared run, seconds a node's claim on a feed holds; a node that dies loses its feeds after it",
            "a whole number of seconds from 1 to 3600, longer than one feed's fetch may take",
            Duration.ofMinutes(2),
            text -> Duration.ofSeconds(parseLong(text, 1, 3600)),
            value -> Long.toString(value.toSeconds()));

    private static final List<OptionKey<?>> ALL = List.of(
            SYNC_INTERVAL,
            INSTALL_COMPLETE,
            SYNC_REQUEST_DELAY,
            TIMEZONE,
            SYNC_EMPTY_FEED_RUNS,
            SYNC_SHARED_RUNS,
            SYNC_PER_HOST,
            SYNC_CLAIM_LEASE);

    private final String key;
    private final String description;
    private final String allowed;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;

    private OptionKey(
            String key,
            String description,
            String allowed,
            T defaultValue,
            Function<String, T> parser,
            Function<T, String> formatter) {
        this.key = key;
        this.description = description;
        this.allowed = allowed;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.formatter = formatter;
    }

    /** Every known option, in a stable order. */
    public static List<OptionKey<?>> all() {
        return ALL;
    }

    /** The option with this key, if bokit knows it. */
    public static Optional<OptionKey<?>> find(String key) {
        return ALL.stream().filter(option -> option.key.equals(key)).findFirst();
    }

    /**
     * The option with this key.
     *
     * @throws InvalidOptionException if bokit does not know it (the message lists the known keys)
     */
    public static OptionKey<?> require(String key) {
        return find(key)
                .orElseThrow(() -> new InvalidOptionException(
                        String.valueOf(key),
                        "Unknown option \"" + Ids.excerpt(key) + "\": known options are "
                                + String.join(
                                        ", ", ALL.stream().map(OptionKey::key).toList())));
    }

    /** The key, e.g. {@code sync.interval}. */
    public String key() {
        return key;
    }

    /** What the option does, in a few words. */
    public String description() {
        return description;
    }

    /** What values it allows, in a few words. */
    public String allowed() {
        return allowed;
    }

    /** The value when none is stored. */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * Parses a stored or typed value.
     *
     * @throws InvalidOptionException naming the key, the value and what is allowed
     */
    public T parse(String text) {
        try {
            return Objects.requireNonNull(parser.apply(text == null ? "" : text.strip()));
        } catch (RuntimeException e) {
            throw new InvalidOptionException(
                    key, "Invalid value \"" + Ids.excerpt(text) + "\" for option " + key + ": expected " + allowed);
        }
    }

    /** The canonical text of a value (what a store keeps). */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** Parses and formats again: the canonical text of a typed value, validated. */
    public String normalize(String text) {
        return format(parse(text));
    }

    private static long parseLong(String text, long min, long max) {
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static ZoneId parseZone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
