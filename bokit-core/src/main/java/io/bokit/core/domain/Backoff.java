package io.bokit.core.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failing feed rests before it is fetched again: {@code base × 2^(failures − 1)}, at most
 * {@code cap}, scaled by a random factor between 0.75 and 1 so that many feeds failing together do
 * not all come back at the same moment.
 *
 * @param base the rest after the first failure
 * @param cap the longest rest
 */
public record Backoff(Duration base, Duration cap) {
    /** One minute after the first failure, doubling, at most six hours. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMinutes(1), Duration.ofHours(6));

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new InvalidInputException("Invalid backoff " + base + " to " + cap
                    + ": the base must be positive and the cap at least the base");
        }
    }

    /**
     * The rest after some failures in a row.
     *
     * @param failures consecutive failures, at least 1
     * @param jitter a random number in [0, 1]
     * @return the rest, between 0.75 and 1 times {@code min(cap, base × 2^(failures − 1))}
     */
    public Duration after(int failures, double jitter) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, not " + failures);
        }
        long capMillis = cap.toMillis();
        long millis = Math.min(base.toMillis(), capMillis);
        for (int i = 1; i < failures && millis < capMillis; i++) {
            millis = Math.min(capMillis, millis * 2);
        }
        double factor = 0.75 + 0.25 * Math.max(0, Math.min(jitter, 1));
        return Duration.ofMillis((long) (millis * factor));
    }
}
