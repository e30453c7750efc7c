package io.bokit.host;

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
 * The bounded pool that checks and runs syncs off the request threads: a few daemon threads named
 * {@code bokit-sync-N}, a small queue, and a refusal (logged, and reported to the request hook, which
 * gives a claimed interval back) when both are full, so a hanging sync can never pile up work or
 * borrow a request thread. Closed with the application: waits up to the shutdown timeout for a
 * running sync, then interrupts it.
 *
 * <p>The adapters (Spring, Micronaut) create it from their {@code bokit.executor.*} properties; its messages name
 * them. With {@code bokit.executor.virtual-threads=true} (Java 21 or later) its threads are virtual threads, with the
 * same bounds and names. It deliberately does not implement {@link Executor}, so a framework's own executor auto-configuration (Spring's
 * {@code @Async}) never picks it up; {@link #asExecutor()} hands it to bokit's builder.
 */
public final class SyncExecutor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncExecutor.class);

    /** Why virtual threads are refused on Java 17 to 20. */
    static final String NEEDS_JAVA_21 = "needs Java 21 or later";

    private final ThreadPoolExecutor pool;
    private final Duration shutdownTimeout;

    /**
     * Creates the pool.
     *
     * @param threads how many threads, at least 1
     * @param queueCapacity how many tasks may wait, at least 1
     * @param shutdownTimeout how long {@link #close()} waits for running tasks, not negative
     * @throws IllegalArgumentException naming the bad value
     */
    public SyncExecutor(int threads, int queueCapacity, Duration shutdownTimeout) {
        this(threads, queueCapacity, shutdownTimeout, false);
    }

    /**
     * Creates the pool, on virtual threads when asked.
     *
     * @param threads how many threads, at least 1
     * @param queueCapacity how many tasks may wait, at least 1
     * @param shutdownTimeout how long {@link #close()} waits for running tasks, not negative
     * @param virtualThreads whether the pool's threads are virtual threads (Java 21 or later)
     * @throws IllegalArgumentException naming the bad value, or when virtual threads are asked for on Java 17 to 20
     */
    public SyncExecutor(int threads, int queueCapacity, Duration shutdownTimeout, boolean virtualThreads) {
        if (virtualThreads && !VirtualThreads.available()) {
            throw new IllegalArgumentException(BokitSettings.EXECUTOR_VIRTUAL_THREADS + " " + NEEDS_JAVA_21);
        }
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
        AtomicInteger number = new AtomicInteger();
        ThreadFactory virtual = virtualThreads ? VirtualThreads.factory("bokit-sync-") : null;
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                virtual != null
                        ? virtual
                        : task -> {
                            Thread thread = new Thread(task, "bokit-sync-" + number.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        },
                (task, executor) -> {
                    log.warn("[AutoSync] The sync executor is full or shut down; a sync task was refused");
                    throw new RejectedExecutionException("bokit's sync executor is full or shut down");
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs a task on one of the pool's threads, never on the caller's.
     *
     * @throws RejectedExecutionException when the queue is full or the pool is shut down (logged)
     */
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** This pool as an {@link Executor}, for {@code Bokit.builder()}. */
    public Executor asExecutor() {
        return this::execute;
    }

    /** Whether the pool has shut down and every task has ended. */
    public boolean isTerminated() {
        return pool.isTerminated();
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
}
