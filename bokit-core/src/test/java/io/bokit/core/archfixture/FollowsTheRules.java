package io.bokit.core.archfixture;

import io.bokit.core.domain.FeedId;
import java.time.Clock;
import java.time.Instant;

/** Code the rules must accept: a given clock, durations by nanoTime, primitives and arrays. */
public final class FollowsTheRules {

    int[][] grid;
    String[] names;
    FeedId[] feeds;
    boolean flag;

    Instant now(Clock clock) {
        return Instant.now(clock);
    }

    long elapsedNanos(long start) {
        return System.nanoTime() - start;
    }
}
