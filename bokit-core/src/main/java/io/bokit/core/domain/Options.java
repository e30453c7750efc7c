package io.bokit.core.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A validated snapshot of every known option: stored values, defaults for the rest. Immutable. */
public final class Options {
    private static final Options DEFAULTS = new Options(Map.of());

    private final Map<OptionKey<?>, Object> values;

    private Options(Map<OptionKey<?>, Object> values) {
        Map<OptionKey<?>, Object> all = new LinkedHashMap<>();
        for (OptionKey<?> key : OptionKey.all()) {
            all.put(key, values.containsKey(key) ? values.get(key) : key.defaultValue());
        }
        this.values = Map.copyOf(all);
    }

    /** Every option at its default. */
    public static Options defaults() {
        return DEFAULTS;
    }

    /**
     * Options from stored text values; keys bokit does not know are ignored.
     *
     * @throws InvalidOptionException if a known key holds a value it does not allow
     */
    public static Options parse(Map<String, String> stored) {
        Map<OptionKey<?>, Object> values = new LinkedHashMap<>();
        for (OptionKey<?> key : OptionKey.all()) {
            String text = stored.get(key.key());
            if (text != null) {
                values.put(key, key.parse(text));
            }
        }
        return new Options(values);
    }

    /** The value of an option (its default when none is stored). */
    public <T> T get(OptionKey<T> key) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(key);
        return value;
    }

    /** {@code sync.interval}: the time between two automatic syncs. */
    public Duration syncInterval() {
        return get(OptionKey.SYNC_INTERVAL);
    }

    /** {@code install.complete}: whether automatic syncs may run. */
    public boolean installComplete() {
        return get(OptionKey.INSTALL_COMPLETE);
    }

    /** {@code sync.request_delay}: the pause between two requests to one host. */
    public Duration requestDelay() {
        return get(OptionKey.SYNC_REQUEST_DELAY);
    }

    /** {@code timezone}: the default calendar time zone. */
    public ZoneId timezone() {
        return get(OptionKey.TIMEZONE);
    }

    /** {@code sync.empty_feed_runs}: empty runs in a row before an empty feed is believed. */
    public int emptyFeedRuns() {
        return get(OptionKey.SYNC_EMPTY_FEED_RUNS);
    }

    /** {@code sync.shared_runs}: whether a run's feeds are shared with every node that joins it. */
    public boolean sharedRuns() {
        return get(OptionKey.SYNC_SHARED_RUNS);
    }

    /** {@code sync.per_host}: in a shared run, fetches in flight to one host at once, cluster-wide. */
    public int perHost() {
        return get(OptionKey.SYNC_PER_HOST);
    }

    /** {@code sync.claim_lease}: in a shared run, how long a node's claim on a feed holds. */
    public Duration claimLease() {
        return get(OptionKey.SYNC_CLAIM_LEASE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Options that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "Options{", "}");
        for (OptionKey<?> key : OptionKey.all()) {
            out.add(key.key() + "=" + values.get(key));
        }
        return out.toString();
    }
}
