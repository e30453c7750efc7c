package io.bokit.core.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** A run's own worker threads: daemon threads named for the run, gone when the run's tasks are done. */
final class SyncThreads {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private SyncThreads() {}

    /**
     * Runs the tasks on {@code threads} threads named {@code prefix-<run>-<n>} and returns when every one has ended,
     * finishing even if interrupted (the run's lease is held until it ends).
     *
     * @throws IllegalStateException with the first task's failure as its cause, once all have ended
     */
    static void runAll(String prefix, int threads, List<Runnable> tasks) {
        int run = RUNS.incrementAndGet();
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, prefix + "-" + run + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            tasks.forEach(task -> running.add(pool.submit(task)));
            Throwable failure = null;
            boolean interrupted = false;
            for (Future<?> each : running) {
                while (true) {
                    try {
                        each.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        failure = failure == null ? e.getCause() : failure;
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw new IllegalStateException("A sync worker failed", failure);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
