package io.bokit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.ClosedRun;
import io.bokit.core.domain.FeedClaim;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.HostSlot;
import io.bokit.core.domain.RunFeed;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.port.out.SharedRunPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link SharedRunPort} that honours the caller's {@code now}, part of the sync state's
 * contract: several port instances stand for several nodes over one store. To run it against an implementation,
 * extend it and implement {@link #newStore()} (an empty store, and a supplier of independent instances over it).
 */
public abstract class SharedRunPortContract extends PortContract<SharedRunPort> {
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** How many instances (nodes) race in the concurrency test; 4 by default. */
    protected int concurrentInstances() {
        return 4;
    }

    /** How many threads per instance race in the concurrency test; 4 by default. */
    protected int threadsPerInstance() {
        return 4;
    }

    @Test
    void noRunIsOpenBeforeTheFirstAndARunIsOpenUntilItIsClosed() {
        assertThat(port().openRun()).isEmpty();

        port().open("run-1", lease(), feeds(2, 1), 1);

        assertThat(port().openRun()).hasValueSatisfying(run -> {
            assertThat(run.id()).isEqualTo("run-1");
            assertThat(run.lease()).isEqualTo(lease());
        });
        assertThat(newInstance().openRun()).map(run -> run.id()).hasValue("run-1");
    }

    @Test
    void everyFeedIsClaimedOnceAndTheRunClosesWithEveryResultInPlannedOrder() {
        List<RunFeed> plan = feeds(5, 2);
        port().open("run-1", lease(), plan, 1);

        List<FeedId> claimed = drain(port(), "run-1", "node-a");

        assertThat(claimed)
                .containsExactlyInAnyOrderElementsOf(
                        plan.stream().map(RunFeed::feed).toList());
        Optional<ClosedRun> closed = port().close("run-1");
        assertThat(closed).hasValueSatisfying(run -> {
            assertThat(run.lease()).isEqualTo(lease());
            assertThat(run.results())
                    .extracting(FeedResult::feed)
                    .containsExactlyElementsOf(plan.stream().map(RunFeed::feed).toList());
        });
        assertThat(port().openRun()).isEmpty();
        assertThat(newInstance().close("run-1")).as("closed once").isEmpty();
    }

    @Test
    void aRunClosesOnlyWhenEveryFeedHasAResult() {
        port().open("run-1", lease(), feeds(1, 2), 1);
        HostSlot slot = port().claimSlot("run-1", "node-a", LEASE, now()).orElseThrow();
        FeedClaim first = port().claimFeed(slot, LEASE, now()).orElseThrow();
        assertThat(port().finish(first, synced(first))).isTrue();

        assertThat(port().close("run-1")).isEmpty();
        assertThat(port().results("run-1")).extracting(FeedResult::feed).containsExactly(first.feed());
        assertThat(port().openRun()).isPresent();
    }

    @Test
    void aHostHasAtMostPerHostPlacesTakenAtOnce() {
        port().open("run-1", lease(), feeds(1, 5), 2);

        Optional<HostSlot> a = port().claimSlot("run-1", "node-a", LEASE, now());
        Optional<HostSlot> b = newInstance().claimSlot("run-1", "node-b", LEASE, now());
        Optional<HostSlot> c = newInstance().claimSlot("run-1", "node-c", LEASE, now());

        assertThat(a).isPresent();
        assertThat(b).isPresent();
        assertThat(c).as("a third place of a host that has two").isEmpty();
        assertThat(a.get().slot()).isNotEqualTo(b.get().slot());
        port().releaseSlot(a.get());
        assertThat(newInstance().claimSlot("run-1", "node-c", LEASE, now()))
                .as("a place given back")
                .isPresent();
    }

    @Test
    void aNodeHoldsOnePlaceOfAHostAtATime() {
        port().open("run-1", lease(), List.of(feed(0, 0), feed(0, 1), feed(1, 0)), 2);

        HostSlot first = port().claimSlot("run-1", "node-a", LEASE, now()).orElseThrow();
        HostSlot second = port().claimSlot("run-1", "node-a", LEASE, now()).orElseThrow();

        assertThat(second.host()).as("the other host").isNotEqualTo(first.host());
        assertThat(port().claimSlot("run-1", "node-a", LEASE, now())).isEmpty();
        assertThat(newInstance().claimSlot("run-1", "node-b", LEASE, now()))
                .as("another node")
                .isPresent();
        port().releaseSlot(first);
        assertThat(port().claimSlot("run-1", "node-a", LEASE, now()))
                .map(HostSlot::host)
                .hasValue(first.host());
    }

    @Test
    void aPlaceIsOnlyTakenForAHostWithFeedsLeftToClaim() {
        port().open("run-1", lease(), List.of(feed(0, 0), feed(1, 1)), 1);
        HostSlot first = port().claimSlot("run-1", "node-a", LEASE, now()).orElseThrow();
        port().claimFeed(first, LEASE, now()).orElseThrow();
        HostSlot second = port().claimSlot("run-1", "node-a", LEASE, now()).orElseThrow();
        port().claimFeed(second, LEASE, now()).orElseThrow();
        port().releaseSlot(first);
        port().releaseSlot(second);

        assertThat(port().claimSlot("run-1", "node-b", LEASE, now()))
                .as("both feeds are claimed, though their places are free")
                .isEmpty();
    }

    @Test
    void aNodeThatStopsLosesItsPlaceAndFeedWhenTheLeaseLapsesAndItsLateResultIsRefused() {
        port().open("run-1", lease(), feeds(1, 1), 1);
        HostSlot deadSlot = port().claimSlot("run-1", "node-a", LEASE, now()).orElseThrow();
        FeedClaim dead = port().claimFeed(deadSlot, LEASE, now()).orElseThrow();
        SharedRunPort other = newInstance();

        clock().advance(LEASE.minusSeconds(1));
        assertThat(other.claimSlot("run-1", "node-b", LEASE, now()))
                .as("while the lease holds")
                .isEmpty();

        clock().advance(Duration.ofSeconds(1));
        HostSlot slot = other.claimSlot("run-1", "node-b", LEASE, now()).orElseThrow();
        FeedClaim again = other.claimFeed(slot, LEASE, now()).orElseThrow();

        assertThat(again.feed()).isEqualTo(dead.feed());
        assertThat(port().claimFeed(deadSlot, LEASE, now()))
                .as("the lost place claims nothing")
                .isEmpty();
        assertThat(port().finish(dead, synced(dead)))
                .as("the stopped node's late result")
                .isFalse();
        assertThat(other.finish(again, synced(again))).isTrue();
        assertThat(other.close("run-1"))
                .hasValueSatisfying(run -> assertThat(run.results()).hasSize(1));
    }

    @Test
    void claimingAFeedRenewsThePlace() {
        port().open("run-1", lease(), feeds(1, 3), 1);
        HostSlot slot = port().claimSlot("run-1", "node-a", LEASE, now()).orElseThrow();
        for (int i = 0; i < 3; i++) {
            clock().advance(LEASE.minusSeconds(1));
            FeedClaim claim = port().claimFeed(slot, LEASE, now()).orElseThrow();
            assertThat(newInstance().claimSlot("run-1", "node-b", LEASE, now())).isEmpty();
            assertThat(port().finish(claim, synced(claim))).isTrue();
        }
        assertThat(port().close("run-1")).isPresent();
    }

    @Test
    void resultsKeepEveryField() {
        port().open("run-1", lease(), feeds(1, 2), 1);
        HostSlot slot = port().claimSlot("run-1", "node-a", LEASE, now()).orElseThrow();
        FeedClaim one = port().claimFeed(slot, LEASE, now()).orElseThrow();
        FeedResult failed = new FeedResult(
                one.feed(), one.feedName(), FeedOutcome.FAILED, SyncCounters.ZERO, "HTTP 503 «Überlastet» \"quoted\"");
        port().finish(one, failed);
        FeedClaim two = port().claimFeed(slot, LEASE, now()).orElseThrow();
        FeedResult held = new FeedResult(
                two.feed(),
                two.feedName(),
                FeedOutcome.SYNCED,
                new SyncCounters(9, 1, 2, 3, 4, 5, 6, 7),
                null,
                "held by the empty-feed guard",
                List.of("no DTSTART (UID a)", "repeated UID b"));
        port().finish(two, held);

        assertThat(newInstance().close("run-1").orElseThrow().results()).containsExactly(failed, held);
    }

    @Test
    void openingARunClosesTheOneLeftOpen() {
        port().open("run-1", lease(), feeds(1, 2), 1);

        port().open("run-2", lease(), feeds(1, 2), 1);

        assertThat(port().openRun()).map(run -> run.id()).hasValue("run-2");
        assertThat(port().claimSlot("run-1", "node-a", LEASE, now())).isEmpty();
        assertThat(port().close("run-1")).isEmpty();
    }

    @Test
    void aFeedListedTwiceOrAnImpossiblePerHostIsRefused() {
        RunFeed feed = feed(0, 0);
        assertThatThrownBy(() -> port().open("run-1", lease(), List.of(feed, feed), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port().open("run-1", lease(), List.of(feed), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port().open("run-1", lease(), List.of(feed), 65))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(port().openRun()).isEmpty();
    }

    @Test
    void nodesRacingOverOneRunSyncEveryFeedExactlyOnceAndNeverExceedAHostsPlaces() throws Exception {
        int hosts = 3;
        int perHost = 2;
        List<RunFeed> plan = feeds(hosts, 20);
        port().open("run-1", lease(), plan, perHost);
        Map<FeedId, AtomicInteger> claims = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger closes = new AtomicInteger();
        int threads = concurrentInstances() * threadsPerInstance();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrentInstances(); i++) {
                SharedRunPort node = newInstance();
                String name = "node-" + i;
                for (int t = 0; t < threadsPerInstance(); t++) {
                    running.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        Optional<HostSlot> slot;
                        while ((slot = node.claimSlot("run-1", name, LEASE, now())).isPresent()) {
                            Optional<FeedClaim> claim;
                            while ((claim = node.claimFeed(slot.get(), LEASE, now())).isPresent()) {
                                AtomicInteger host =
                                        inFlight.computeIfAbsent(slot.get().host(), h -> new AtomicInteger());
                                mostInFlight.accumulateAndGet(host.incrementAndGet(), Math::max);
                                claims.computeIfAbsent(claim.get().feed(), f -> new AtomicInteger())
                                        .incrementAndGet();
                                host.decrementAndGet();
                                assertThat(node.finish(claim.get(), synced(claim.get())))
                                        .isTrue();
                            }
                            node.releaseSlot(slot.get());
                        }
                        if (node.close("run-1").isPresent()) {
                            closes.incrementAndGet();
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> each : running) {
                each.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claims.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        plan.stream().map(RunFeed::feed).toList());
        assertThat(claims.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(perHost);
        assertThat(closes.get()).isLessThanOrEqualTo(1);
        // a thread may leave while another still finishes its last feed, so the run may be closed afterwards
        if (closes.get() == 0) {
            assertThat(port().close("run-1")).isPresent();
        }
        assertThat(port().openRun()).isEmpty();
    }

    /** Claims and finishes every feed it can, as one node's worker would; returns the feeds it claimed. */
    private List<FeedId> drain(SharedRunPort node, String runId, String name) {
        List<FeedId> claimed = new ArrayList<>();
        Optional<HostSlot> slot;
        while ((slot = node.claimSlot(runId, name, LEASE, now())).isPresent()) {
            Optional<FeedClaim> claim;
            while ((claim = node.claimFeed(slot.get(), LEASE, now())).isPresent()) {
                claimed.add(claim.get().feed());
                assertThat(node.finish(claim.get(), synced(claim.get()))).isTrue();
            }
            node.releaseSlot(slot.get());
        }
        return claimed;
    }

    private Instant now() {
        return clock().now();
    }

    private static RunLease lease() {
        return new RunLease("web-1:4711", "token-1", START, START.plus(Duration.ofMinutes(15)));
    }

    private static FeedResult synced(FeedClaim claim) {
        return new FeedResult(
                claim.feed(), claim.feedName(), FeedOutcome.SYNCED, new SyncCounters(1, 1, 0, 0, 0, 0, 0, 0), null);
    }

    /** {@code perHost} feeds on each of {@code hosts} hosts, interleaved. */
    private static List<RunFeed> feeds(int hosts, int perHost) {
        return IntStream.range(0, perHost)
                .boxed()
                .flatMap(i -> IntStream.range(0, hosts).mapToObj(h -> feed(h, i)))
                .toList();
    }

    private static RunFeed feed(int host, int index) {
        return new RunFeed(
                new FeedId("feed-" + host + "-" + index), "Feed " + host + "/" + index, "host-" + host + ".example");
    }
}
