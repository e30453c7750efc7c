package io.bokit.core.application;

import io.bokit.core.domain.Feed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Works through feeds one host at a time per worker: feeds of one host run one after the other
 * (channels rate-limit per host), different hosts run side by side, at most {@code parallelHosts}
 * at once.
 */
final class HostQueues {
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
        List<Runnable> queues = new ArrayList<>();
        byHost.values().forEach(queue -> queues.add(() -> queue.forEach(work)));
        SyncThreads.runAll("bokit-sync", Math.min(parallelHosts, byHost.size()), queues);
    }
}
