package io.bokit.testkit.contract;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a fixed number of threads start each round together: the last to arrive runs the round's
 * set-up and opens the gate, and the others, spinning rather than parked, are released within
 * nanoseconds of each other, so that their calls truly overlap.
 */
final class StartGate {
    private static final long TIMEOUT_NANOS = 30_000_000_000L;

    private final int parties;
    private final Runnable beforeEachRound;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int opened;
    private volatile boolean aborted;

    StartGate(int parties, Runnable beforeEachRound) {
        this.parties = parties;
        this.beforeEachRound = beforeEachRound;
    }

    /** Waits until every party has arrived at {@code round} (counted from 0). */
    void await(int round) throws TimeoutException {
        if (arrived.incrementAndGet() == parties * (round + 1)) {
            beforeEachRound.run();
            opened = round + 1;
            return;
        }
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (opened <= round) {
            if (aborted) {
                throw new IllegalStateException("Another racing thread failed before round " + round);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("Not every thread reached round " + round);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Releases every waiting thread with a failure, e.g. once another has failed. */
    void abort() {
        aborted = true;
    }
}
