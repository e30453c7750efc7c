package io.bokit.testkit;

import io.bokit.core.domain.ClosedRun;
import io.bokit.core.domain.FeedClaim;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.HostSlot;
import io.bokit.core.domain.OpenRun;
import io.bokit.core.domain.RunFeed;
import io.bokit.core.domain.RunLease;
import io.bokit.core.port.out.SharedRunPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SharedRunPort} in memory that honours the caller's {@code now}; instances over one {@link Store} behave
 * like nodes sharing one database, every operation atomic across all of them.
 */
public final class InMemorySharedRuns implements SharedRunPort {
    private final Store store;

    /** An instance over a store of its own. */
    public InMemorySharedRuns() {
        this(new Store());
    }

    /**
     * An instance over a store that other instances may share.
     *
     * @param store the backing store, not null
     */
    public InMemorySharedRuns(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void open(String id, RunLease lease, List<RunFeed> feeds, int perHost) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lease, "lease");
        RunFeed.hostsOf(feeds, perHost);
        synchronized (store) {
            store.runs.values().forEach(run -> run.closed = true);
            store.runs.put(id, new Run(id, lease, feeds, perHost));
        }
    }

    @Override
    public Optional<OpenRun> openRun() {
        synchronized (store) {
            return store.runs.values().stream()
                    .filter(run -> !run.closed)
                    .map(run -> new OpenRun(run.id, run.lease))
                    .findFirst();
        }
    }

    @Override
    public Optional<HostSlot> claimSlot(String runId, String node, Duration leaseFor, Instant now) {
        requirePositive(leaseFor);
        synchronized (store) {
            Run run = store.runs.get(runId);
            if (run == null || run.closed) {
                return Optional.empty();
            }
            for (Map.Entry<String, Slot[]> host : run.slots.entrySet()) {
                if (run.feeds.values().stream()
                        .noneMatch(feed -> feed.host().equals(host.getKey()) && feed.claimable(now))) {
                    continue;
                }
                Slot[] slots = host.getValue();
                if (Arrays.stream(slots)
                        .anyMatch(slot -> node.equals(slot.holder) && slot.until != null && slot.until.isAfter(now))) {
                    continue; // this node holds a place of the host already
                }
                for (int i = 0; i < slots.length; i++) {
                    Slot slot = slots[i];
                    if (slot.until == null || !slot.until.isAfter(now)) {
                        slot.version++;
                        slot.until = now.plus(leaseFor);
                        slot.holder = node;
                        return Optional.of(new HostSlot(runId, host.getKey(), i, node, slot.version));
                    }
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public Optional<FeedClaim> claimFeed(HostSlot held, Duration leaseFor, Instant now) {
        requirePositive(leaseFor);
        synchronized (store) {
            Run run = store.runs.get(held.runId());
            Slot slot = run == null ? null : slot(run, held);
            if (slot == null || slot.version != held.version() || run.closed) {
                return Optional.empty();
            }
            slot.until = now.plus(leaseFor);
            for (PlannedFeed feed : run.feeds.values()) {
                if (feed.host().equals(held.host()) && feed.claimable(now)) {
                    feed.version++;
                    feed.until = now.plus(leaseFor);
                    return Optional.of(new FeedClaim(held, feed.plan.feed(), feed.plan.feedName(), feed.version));
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public boolean finish(FeedClaim claim, FeedResult result) {
        Objects.requireNonNull(result, "result");
        synchronized (store) {
            Run run = store.runs.get(claim.slot().runId());
            PlannedFeed feed = run == null ? null : run.feeds.get(claim.feed());
            if (feed == null || feed.result != null || feed.version != claim.version()) {
                return false;
            }
            feed.result = result;
            feed.until = null;
            return true;
        }
    }

    @Override
    public void releaseSlot(HostSlot held) {
        synchronized (store) {
            Run run = store.runs.get(held.runId());
            Slot slot = run == null ? null : slot(run, held);
            if (slot != null && slot.version == held.version()) {
                slot.until = null;
                slot.holder = null;
            }
        }
    }

    @Override
    public Optional<ClosedRun> close(String runId) {
        synchronized (store) {
            Run run = store.runs.get(runId);
            if (run == null || run.closed || run.feeds.values().stream().anyMatch(feed -> feed.result == null)) {
                return Optional.empty();
            }
            run.closed = true;
            return Optional.of(new ClosedRun(run.id, run.lease, results(run)));
        }
    }

    @Override
    public List<FeedResult> results(String runId) {
        synchronized (store) {
            Run run = store.runs.get(runId);
            return run == null ? List.of() : results(run);
        }
    }

    private static List<FeedResult> results(Run run) {
        return run.feeds.values().stream()
                .filter(feed -> feed.result != null)
                .map(feed -> feed.result)
                .toList();
    }

    private static Slot slot(Run run, HostSlot held) {
        Slot[] slots = run.slots.get(held.host());
        return slots == null || held.slot() >= slots.length ? null : slots[held.slot()];
    }

    private static void requirePositive(Duration leaseFor) {
        if (leaseFor.isNegative() || leaseFor.isZero()) {
            throw new IllegalArgumentException("The lease must be positive, not " + leaseFor);
        }
    }

    /** What instances share, as nodes share a database. */
    public static final class Store {
        private final Map<String, Run> runs = new LinkedHashMap<>();
    }

    private static final class Run {
        final String id;
        final RunLease lease;
        final Map<FeedId, PlannedFeed> feeds = new LinkedHashMap<>();
        final Map<String, Slot[]> slots = new LinkedHashMap<>();
        boolean closed;

        Run(String id, RunLease lease, List<RunFeed> plan, int perHost) {
            this.id = id;
            this.lease = lease;
            for (RunFeed feed : plan) {
                feeds.put(feed.feed(), new PlannedFeed(feed));
                slots.computeIfAbsent(feed.host(), host -> {
                    Slot[] places = new Slot[perHost];
                    for (int i = 0; i < perHost; i++) {
                        places[i] = new Slot();
                    }
                    return places;
                });
            }
        }
    }

    private static final class Slot {
        String holder;
        long version;
        Instant until;
    }

    private static final class PlannedFeed {
        final RunFeed plan;
        long version;
        Instant until;
        FeedResult result;

        PlannedFeed(RunFeed plan) {
            this.plan = plan;
        }

        String host() {
            return plan.host();
        }

        boolean claimable(Instant now) {
            return result == null && (until == null || !until.isAfter(now));
        }
    }
}
