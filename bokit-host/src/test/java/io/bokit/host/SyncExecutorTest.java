package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SyncExecutorTest {

    @Test
    void runsTasksOnNamedDaemonThreadsNeverOnTheCaller() throws InterruptedException {
        try (SyncExecutor executor = new SyncExecutor(1, 1, Duration.ofSeconds(5))) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);

            executor.execute(() -> {
                ranOn.set(Thread.currentThread());
                done.countDown();
            });

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
            assertThat(ranOn.get().getName()).startsWith("bokit-sync-");
            assertThat(ranOn.get().isDaemon()).isTrue();
        }
    }

    @Test
    void refusesWorkWhenThreadsAndQueueAreFull() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (SyncExecutor executor = new SyncExecutor(1, 1, Duration.ofSeconds(5))) {
            executor.execute(() -> {
                started.countDown();
                await(release);
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            executor.execute(() -> {}); // waits in the queue

            assertThatThrownBy(() -> executor.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
            release.countDown();
        }
    }

    @Test
    void closeWaitsForARunningTaskThenStops() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        SyncExecutor executor = new SyncExecutor(1, 1, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> {
            started.countDown();
            await(release);
            finished.countDown();
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(executor::close);
        closer.start();
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(finished.getCount()).isZero();
        assertThat(executor.isTerminated()).isTrue();
        assertThatThrownBy(() -> executor.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void closeInterruptsATaskThatOutlivesTheShutdownTimeout() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        SyncExecutor executor = new SyncExecutor(1, 1, Duration.ofMillis(50));
        executor.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        executor.close();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refusesNonsenseSizes() {
        assertThatThrownBy(() -> new SyncExecutor(0, 1, Duration.ZERO)).hasMessageContaining("bokit.executor.threads");
        assertThatThrownBy(() -> new SyncExecutor(1, 0, Duration.ZERO))
                .hasMessageContaining("bokit.executor.queue-capacity");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
