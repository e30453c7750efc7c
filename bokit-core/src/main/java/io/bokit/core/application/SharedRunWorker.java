package io.bokit.core.application;

import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedClaim;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.HostSlot;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.SharedRunPort;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's part of a shared run: {@code parallelHosts} workers, each taking a place of a host (never two of one
 * host: the fetcher makes one request at a time per host anyway), claiming that host's feeds one at a time, syncing
 * each and recording its result, then taking another place, until no feed is left to claim.
 */
final class SharedRunWorker {
    private static final Logger log = LoggerFactory.getLogger(SharedRunWorker.class);

    private final SharedRunPort port;
    private final ClockPort clock;
    private final RunSettings settings;

    SharedRunWorker(SharedRunPort port, ClockPort clock, RunSettings settings) {
        this.port = port;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Works the run until this node finds no feed left to claim.
     *
     * @param runId the run
     * @param claimLease how long each claim holds unless renewed
     * @param feeds the feeds this node knows, by id
     * @param sync syncs one feed in isolation; must not throw
     * @return how many results this node recorded
     */
    int work(String runId, Duration claimLease, Map<FeedId, Feed> feeds, Function<Feed, FeedResult> sync) {
        AtomicInteger recorded = new AtomicInteger();
        Object taking = new Object();
        Runnable worker = () -> {
            Optional<HostSlot> slot;
            // one take at a time in this node, so that the store sees each of its places before the next take
            while ((slot = take(taking, runId, claimLease)).isPresent()) {
                try {
                    Optional<FeedClaim> claim;
                    while ((claim = port.claimFeed(slot.get(), claimLease, clock.now())).isPresent()) {
                        if (syncClaimed(claim.get(), feeds, sync)) {
                            recorded.incrementAndGet();
                        }
                    }
                } finally {
                    port.releaseSlot(slot.get());
                }
            }
        };
        int workers = settings.parallelHosts();
        if (workers == 1) {
            worker.run();
            return recorded.get();
        }
        // a store failure ends this node's part: its claims lapse and other nodes take the feeds
        SyncThreads.runAll("bokit-shared", workers, Collections.nCopies(workers, worker));
        return recorded.get();
    }

    private Optional<HostSlot> take(Object taking, String runId, Duration claimLease) {
        synchronized (taking) {
            return port.claimSlot(runId, settings.owner(), claimLease, clock.now());
        }
    }

    private boolean syncClaimed(FeedClaim claim, Map<FeedId, Feed> feeds, Function<Feed, FeedResult> sync) {
        Feed feed = feeds.get(claim.feed());
        FeedResult result = feed == null
                ? new FeedResult(
                        claim.feed(),
                        claim.feedName(),
                        FeedOutcome.FAILED,
                        SyncCounters.ZERO,
                        "it was removed during the run")
                : sync.apply(feed);
        if (port.finish(claim, result)) {
            return true;
        }
        log.warn(
                "[SyncJob] The claim on {} lapsed before its result was recorded; another node synced it again"
                        + " (sync.claim_lease may be shorter than a fetch takes)",
                claim.feedName());
        return false;
    }
}
