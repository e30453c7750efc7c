package io.bokit.micronaut;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bokit's own bounded executor: the hook's check (claim, database) and the sync run happen here,
 * never on the event loop. A few daemon threads named {@code bokit-sync-N} and a small queue; a task
 * it cannot take is refused (logged), and the hook gives the claimed interval back. Shut down with
 * the application context: waits up to the shutdown timeout for a running sync, then interrupts it.
 */
final class SyncExecutor implements Executor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncExecutor.class);

    private final ThreadPoolExecutor pool;
    private final Duration shutdownTimeout;

    /**
     * Creates the pool.
     *
     * @param threads how many threads, 1 to 64
     * @param queueCapacity how many tasks may wait, 1 to 10000
     * @param shutdownTimeout how long {@link #close()} waits for running tasks, not negative
     * @throws IllegalArgumentException naming the property of the bad value
     */
    SyncExecutor(int threads, int queueCapacity, Duration shutdownTimeout) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("bokit.executor.threads must be 1 to 64, was " + threads);
        }
        if (queueCapacity < 1 || queueCapacity > 10_000) {
            throw new IllegalArgumentException(
                    "bokit.executor.queue-capacity must be 1 to 10000, was " + queueCapacity);
        }
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "bokit.executor.shutdown-timeout must not be negative, was " + shutdownTimeout);
        }
        this.shutdownTimeout = shutdownTimeout;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "bokit-sync-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        pool = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                factory,
                (task, executor) -> {
                    log.warn("[AutoSync] The sync executor is full or shut down; a sync task was refused");
                    throw new RejectedExecutionException("bokit's sync executor is full or shut down");
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs a task on one of the pool's threads, never on the caller's.
     *
     * @throws RejectedExecutionException when the queue is full or the pool is shut down (logged)
     */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Stops taking tasks, waits up to the shutdown timeout for running ones, then interrupts them. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("[AutoSync] A sync was still running after {}; interrupting it", shutdownTimeout);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the executor has shut down and its threads ended. */
    boolean isTerminated() {
        return pool.isTerminated();
    }
}
