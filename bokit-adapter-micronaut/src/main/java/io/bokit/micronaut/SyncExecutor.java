package io.bokit.micronaut;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bokit's own bounded executor: the hook's check (claim, database) and the sync run happen here,
 * never on the event loop. Two threads and a short queue; a task it cannot take is refused, and the
 * hook gives the claimed interval back. Shut down with the application context.
 */
final class SyncExecutor implements Executor, AutoCloseable {
    static final int THREADS = 2;
    static final int QUEUE = 16;
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SyncExecutor.class);

    private final ThreadPoolExecutor pool;

    SyncExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "bokit-sync-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        pool = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                threads,
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Stops taking tasks, lets a run under way finish for a grace period, then interrupts it. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("[AutoSync] Sync still running at shutdown after {}; interrupting it", SHUTDOWN_GRACE);
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
