package io.bokit.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Politeness per host: at most one request at a time to a host, and at least the requested delay
 * between the end of one request to a host and the start of the next. Waiting callers queue fairly.
 * Thread-safe; keeps one small entry per host ever contacted.
 */
final class HostThrottle {
    /** Sleeps; replaced in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** A call made while holding a host's slot. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    HostThrottle() {
        this(System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    HostThrottle(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /**
     * Runs the call alone for its host, after waiting out the delay since the host's last request.
     *
     * @throws InterruptedException if interrupted while waiting (the call is then not made)
     * @throws Exception whatever the call throws
     */
    <T> T run(String host, Duration delay, Call<T> call) throws Exception {
        Slot slot = slots.computeIfAbsent(host, key -> new Slot());
        slot.lock.lockInterruptibly();
        try {
            long delayNanos = delay.toNanos();
            if (slot.used && delayNanos > 0) {
                long wait = slot.lastEnd + delayNanos - nanoTime.getAsLong();
                if (wait > 0) {
                    sleeper.sleepNanos(wait);
                }
            }
            try {
                return call.call();
            } finally {
                slot.lastEnd = nanoTime.getAsLong();
                slot.used = true;
            }
        } finally {
            slot.lock.unlock();
        }
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        long lastEnd;
        boolean used;
    }
}
