package io.bokit.core.port.out;

import java.time.Instant;

/** The source of every "now" in bokit; tests use the testkit's {@code MutableClock}. */
public interface ClockPort {

    /**
     * The current instant.
     *
     * @return now, never null; thread-safe
     */
    Instant now();

    /**
     * The current instant in milliseconds since the epoch; the request hook's fast path calls this
     * on every request, so implementations should not allocate.
     *
     * @return now in epoch milliseconds; thread-safe
     */
    default long millis() {
        return now().toEpochMilli();
    }

    /** The system clock (UTC). */
    static ClockPort system() {
        return SystemClock.INSTANCE;
    }
}
