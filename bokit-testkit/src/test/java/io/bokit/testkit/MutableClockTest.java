package io.bokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    private static final Instant START = Instant.parse("2025-06-01T10:00:00.123456789Z");

    @Test
    void standsStillUntilMoved() {
        // given
        MutableClock clock = new MutableClock(START);

        // when / then
        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    }

    @Test
    void startsAtParsedInstant() {
        assertThat(MutableClock.at("2025-06-01T10:00:00.123456789Z").now()).isEqualTo(START);
    }

    @Test
    void advancesByDuration() {
        // given
        MutableClock clock = new MutableClock(START);

        // when
        Instant advanced = clock.advance(Duration.ofNanos(1));
        clock.advance(Duration.ofHours(2));

        // then
        assertThat(advanced).isEqualTo(START.plusNanos(1));
        assertThat(clock.now()).isEqualTo(START.plusNanos(1).plus(Duration.ofHours(2)));
        assertThat(clock.millis()).isEqualTo(clock.now().toEpochMilli());
    }

    @Test
    void setsInstantBackwards() {
        // given
        MutableClock clock = new MutableClock(START);
        Instant earlier = START.minus(Duration.ofDays(400));

        // when
        clock.set(earlier);

        // then
        assertThat(clock.now()).isEqualTo(earlier);
        assertThat(clock.millis()).isEqualTo(earlier.toEpochMilli());
    }

    @Test
    void refusesToAdvanceBackwards() {
        // given
        MutableClock clock = new MutableClock(START);

        // when / then
        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-0.001S");
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void losesNoAdvanceMadeByConcurrentThreads() throws Exception {
        // given
        MutableClock clock = new MutableClock(START);
        int threads = 8;
        int advances = 10_000;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < advances; i++) {
                        clock.advance(Duration.ofNanos(1));
                    }
                    return null;
                }));
            }

            // when
            go.countDown();
            for (Future<?> thread : done) {
                thread.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(clock.now()).isEqualTo(START.plusNanos((long) threads * advances));
    }

    @Test
    void readsMillisWithoutAllocating() {
        // given
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        MutableClock clock = new MutableClock(START);
        long sum = 0;
        long before = threads.getCurrentThreadAllocatedBytes();

        // when
        for (int i = 0; i < 100_000; i++) {
            sum += clock.millis();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // then: far less than one small object per call
        assertThat(sum).isEqualTo(100_000 * START.toEpochMilli());
        assertThat(allocated).isLessThan(10_000);
    }
}
