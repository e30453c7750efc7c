package io.bokit.core.application;

import io.bokit.core.domain.Feed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Works through feeds one host at a time per worker: feeds of one host run one after the other
 * (channels rate-limit per host), different hosts run side by side, at most {@code parallelHosts}
 * at once.
 */
final class HostQueues {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final int parallelHosts;

    HostQueues(int parallelHosts) {
        this.parallelHosts = parallelHosts;
    }

    /** Runs {@code work} for every feed and returns when all are done; {@code work} must not throw. */
    void run(List<Feed> feeds, Consumer<Feed> work) {
        Map<String, List<Feed>> byHost = new LinkedHashMap<>();
        feeds.forEach(feed -> byHost.computeIfAbsent(feed.url().host(), host -> new ArrayList<>())
                .add(feed));
        if (byHost.size() <= 1 || parallelHosts == 1) {
            feeds.forEach(work);
            return;
        }
        int run = RUNS.incrementAndGet();
        AtomicInteger worker = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelHosts, byHost.size()), task -> {
            Thread thread = new Thread(task, "bokit-sync-" + run + "-" + worker.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> hosts = new ArrayList<>();
            byHost.values().forEach(queue -> hosts.add(pool.submit(() -> queue.forEach(work))));
            for (Future<?> host : hosts) {
                await(host);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for a worker to end, finishing even if interrupted (its run's lease is held until it ends). */
    static void await(Future<?> host) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    host.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // finish the run: its lease is held until it ends
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A sync worker failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
