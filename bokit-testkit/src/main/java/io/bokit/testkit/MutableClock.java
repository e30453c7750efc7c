package io.bokit.testkit;

import io.bokit.core.port.out.ClockPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link ClockPort} that tests set and advance by hand, so that they never sleep; thread-safe. */
public final class MutableClock implements ClockPort {
    private final AtomicReference<Instant> now;

    /**
     * A clock standing at {@code start} until it is moved.
     *
     * @param start the first instant, not null
     */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * A clock standing at an ISO-8601 instant.
     *
     * @param instant e.g. {@code 2025-06-01T10:00:00Z}
     * @return the clock
     * @throws java.time.format.DateTimeParseException if the text is not an instant
     */
    public static MutableClock at(String instant) {
        return new MutableClock(Instant.parse(instant));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    /** The current instant in epoch milliseconds; does not allocate. */
    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    /**
     * Moves the clock to an instant, forwards or backwards.
     *
     * @param instant the new now, not null
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the clock forwards, atomically even when several threads advance it at once.
     *
     * @param duration how far, zero or positive (use {@link #set} to go back)
     * @return the new now
     * @throws IllegalArgumentException if the duration is negative
     */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Cannot advance by a negative duration " + duration + "; use set()");
        }
        return now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public String toString() {
        return "MutableClock{" + now.get() + "}";
    }
}
