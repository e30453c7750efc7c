package io.bokit.host.archfixture;

import io.bokit.core.port.out.ClockPort;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Reads the time the allowed ways: from ClockPort, from a given Clock, and nanoTime for durations. */
public final class FollowsTheRules {

    private final ClockPort clock;

    public FollowsTheRules(ClockPort clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.now();
    }

    LocalDate today(Clock given) {
        return LocalDate.now(given);
    }

    long elapsed(long startedNanos) {
        return System.nanoTime() - startedNanos;
    }
}
