package io.bokit.core.application;

import io.bokit.core.domain.InvalidInputException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * How this process takes part in syncs.
 *
 * @param owner who this process is in leases and status, e.g. {@code web-2:4711}; not blank
 * @param leaseFor how long a run's lease holds unless released: longer than any sane run, so runs
 *     never overlap, short enough that a crashed run does not block the next for long (default 15 min)
 * @param refreshPeriod how long the request hook trusts what it last read of options and state;
 *     a change of {@code sync.interval} made anywhere takes effect within this period (default 60 s)
 * @param parallelHosts how many channel hosts a run fetches at the same time, 1 to 64 (default 4);
 *     feeds of one host are always fetched one after the other
 */
public record RunSettings(String owner, Duration leaseFor, Duration refreshPeriod, int parallelHosts) {
    /** The default lease: 15 minutes. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(15);

    /** The default refresh period: 60 seconds. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(60);

    /** The default number of hosts fetched at once: 4. */
    public static final int DEFAULT_PARALLEL_HOSTS = 4;

    public RunSettings {
        if (owner == null || owner.isBlank()) {
            throw new InvalidInputException("The run owner must not be blank");
        }
        requireBetween("lease duration", leaseFor, Duration.ofSeconds(1), Duration.ofDays(1));
        requireBetween("refresh period", refreshPeriod, Duration.ofMillis(1), Duration.ofHours(1));
        if (parallelHosts < 1 || parallelHosts > 64) {
            throw new InvalidInputException("Invalid parallel hosts " + parallelHosts + ": expected 1 to 64");
        }
    }

    /** Settings with the default number of parallel hosts. */
    public RunSettings(String owner, Duration leaseFor, Duration refreshPeriod) {
        this(owner, leaseFor, refreshPeriod, DEFAULT_PARALLEL_HOSTS);
    }

    /** The defaults, owned by this host and process. */
    public static RunSettings defaults() {
        return new RunSettings(localOwner(), DEFAULT_LEASE, DEFAULT_REFRESH, DEFAULT_PARALLEL_HOSTS);
    }

    /** This process as an owner: {@code host:pid}, from the JVM's runtime name. */
    public static String localOwner() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName(); // "pid@host"
        int at = runtime.indexOf('@');
        return at < 0 ? runtime : runtime.substring(at + 1) + ":" + runtime.substring(0, at);
    }

    /** These settings with another owner. */
    public RunSettings withOwner(String value) {
        return new RunSettings(value, leaseFor, refreshPeriod, parallelHosts);
    }

    /** These settings with another lease duration. */
    public RunSettings withLeaseFor(Duration value) {
        return new RunSettings(owner, value, refreshPeriod, parallelHosts);
    }

    /** These settings with another refresh period. */
    public RunSettings withRefreshPeriod(Duration value) {
        return new RunSettings(owner, leaseFor, value, parallelHosts);
    }

    /** These settings with another number of parallel hosts. */
    public RunSettings withParallelHosts(int value) {
        return new RunSettings(owner, leaseFor, refreshPeriod, value);
    }

    private static void requireBetween(String what, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, what);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidInputException("Invalid " + what + " " + value + ": expected " + min + " to " + max);
        }
    }
}
