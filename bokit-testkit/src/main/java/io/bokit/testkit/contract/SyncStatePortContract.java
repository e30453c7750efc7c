package io.bokit.testkit.contract;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncState;
import io.bokit.core.port.out.SyncStatePort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link SyncStatePort} that honours the caller's {@code now}. To run it
 * against an implementation, extend it and implement {@link #newStore()}: empty the store, then
 * return a supplier whose every call opens a new, independent port instance over it (the suite uses
 * several to stand for several nodes), e.g. {@code var store = new InMemorySyncState.Store(); return
 * () -> new InMemorySyncState(store);}. A store that keeps instants coarser than nanoseconds
 * overrides {@link #resolution()}; a slow store may lower the concurrency settings.
 */
public abstract class SyncStatePortContract extends PortContract<SyncStatePort> {
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final String OWNER = "web-1:4711";

    /** The smallest step between two instants that the store tells apart; one nanosecond by default. */
    protected Duration resolution() {
        return Duration.ofNanos(1);
    }

    /** How many threads race in the concurrency tests; 16 by default. */
    protected int concurrentThreads() {
        return 16;
    }

    /** How many port instances the racing threads share; 4 by default. */
    protected int concurrentInstances() {
        return 4;
    }

    /** How many rounds (intervals) the concurrency tests race; 50 by default. */
    protected int concurrentRounds() {
        return 50;
    }

    @Test
    void loadsEmptyStateBeforeFirstClaim() {
        assertThat(port().load()).isEqualTo(SyncState.EMPTY);
    }

    @Test
    void claimsIntervalNeverClaimed() {
        // when
        Optional<RunLease> lease = port().claimInterval(INTERVAL, OWNER, LEASE, START);

        // then
        assertThat(lease).hasValueSatisfying(won -> {
            assertThat(won.owner()).isEqualTo(OWNER);
            assertThat(won.token()).isNotBlank();
            assertThat(won.acquiredAt()).isEqualTo(START);
            assertThat(won.expiresAt()).isEqualTo(START.plus(LEASE));
        });
        assertThat(port().load()).isEqualTo(new SyncState(START, lease.orElseThrow()));
    }

    @Test
    void refusesClaimBeforeIntervalIsOver() {
        // given
        claimAndRelease();

        // when
        Optional<RunLease> lease = port().claimInterval(INTERVAL, OWNER, LEASE, START.plus(Duration.ofMinutes(30)));

        // then
        assertThat(lease).isEmpty();
        assertThat(port().load()).isEqualTo(new SyncState(START, null));
    }

    @Test
    void refusesClaimExactlyWhenIntervalEnds() {
        // given
        claimAndRelease();

        // when
        Optional<RunLease> lease = port().claimInterval(INTERVAL, OWNER, LEASE, START.plus(INTERVAL));

        // then
        assertThat(lease).isEmpty();
        assertThat(port().load().lastClaim()).isEqualTo(START);
    }

    @Test
    void claimsJustAfterIntervalEnds() {
        // given
        claimAndRelease();
        Instant justAfter = START.plus(INTERVAL).plus(resolution());

        // when
        Optional<RunLease> lease = port().claimInterval(INTERVAL, OWNER, LEASE, justAfter);

        // then
        assertThat(lease).isPresent();
        assertThat(port().load().lastClaim()).isEqualTo(justAfter);
    }

    @Test
    void refusesClaimWhileLeaseIsHeldEvenWhenIntervalIsOver() {
        // given
        RunLease held = port().claimInterval(INTERVAL, OWNER, INTERVAL.multipliedBy(3), START)
                .orElseThrow();
        SyncState before = port().load();

        // when
        Optional<RunLease> lease =
                newInstance().claimInterval(INTERVAL, "web-2:99", LEASE, START.plus(INTERVAL.multipliedBy(2)));

        // then
        assertThat(lease).isEmpty();
        assertThat(port().load()).isEqualTo(before).isEqualTo(new SyncState(START, held));
    }

    @Test
    void claimsOnceExpiredLeaseLapses() {
        // given
        RunLease crashed = port().claimInterval(INTERVAL, OWNER, INTERVAL.multipliedBy(3), START)
                .orElseThrow();

        // when
        Optional<RunLease> lease = newInstance().claimInterval(INTERVAL, "web-2:99", LEASE, crashed.expiresAt());

        // then
        assertThat(lease).hasValueSatisfying(won -> assertThat(won.owner()).isEqualTo("web-2:99"));
        assertThat(port().load()).isEqualTo(new SyncState(crashed.expiresAt(), lease.orElseThrow()));
    }

    @Test
    void acquiresLeaseWithoutRegardToIntervalAndKeepsLastClaim() {
        // given
        claimAndRelease();
        Instant soon = START.plus(Duration.ofMinutes(1));

        // when
        Optional<RunLease> lease = port().acquireLease("cli:1", LEASE, soon);

        // then
        assertThat(lease).hasValueSatisfying(won -> {
            assertThat(won.owner()).isEqualTo("cli:1");
            assertThat(won.acquiredAt()).isEqualTo(soon);
            assertThat(won.expiresAt()).isEqualTo(soon.plus(LEASE));
        });
        assertThat(port().load()).isEqualTo(new SyncState(START, lease.orElseThrow()));
    }

    @Test
    void acquiresLeaseWithoutClaimingAnyInterval() {
        // when
        Optional<RunLease> lease = port().acquireLease("cli:1", LEASE, START);

        // then
        assertThat(lease).isPresent();
        assertThat(port().load()).isEqualTo(new SyncState(null, lease.orElseThrow()));
    }

    @Test
    void refusesLeaseWhileAnotherIsHeldEvenBySameOwner() {
        // given
        RunLease held = port().acquireLease(OWNER, LEASE, START).orElseThrow();

        // when
        Optional<RunLease> lease =
                newInstance().acquireLease(OWNER, LEASE, held.expiresAt().minus(resolution()));

        // then
        assertThat(lease).isEmpty();
        assertThat(port().load().lease()).isEqualTo(held);
    }

    @Test
    void acquiresLeaseOnceHeldLeaseLapses() {
        // given
        RunLease crashed = port().acquireLease(OWNER, LEASE, START).orElseThrow();

        // when
        Optional<RunLease> lease = port().acquireLease("web-2:99", LEASE, crashed.expiresAt());

        // then
        assertThat(lease).hasValueSatisfying(won -> assertThat(won.token()).isNotEqualTo(crashed.token()));
        assertThat(port().load().lease()).isEqualTo(lease.orElseThrow());
    }

    @Test
    void releasesHeldLeaseAndKeepsLastClaim() {
        // given
        RunLease held = port().claimInterval(INTERVAL, OWNER, LEASE, START).orElseThrow();

        // when
        boolean released = newInstance().release(held);

        // then
        assertThat(released).isTrue();
        assertThat(port().load().lastClaim()).isEqualTo(START);
        assertThat(port().load().activeLease(START)).isEmpty();
        assertThat(port().acquireLease("web-2:99", LEASE, START)).isPresent();
    }

    @Test
    void reportsReleasingLeaseTwice() {
        // given
        RunLease held = port().acquireLease(OWNER, LEASE, START).orElseThrow();
        port().release(held);

        // when / then
        assertThat(port().release(held)).isFalse();
    }

    @Test
    void leavesLeaseTakenOverAfterExpiryWhenStaleHolderReleases() {
        // given
        RunLease stale = port().acquireLease(OWNER, LEASE, START).orElseThrow();
        RunLease current =
                newInstance().acquireLease("web-2:99", LEASE, stale.expiresAt()).orElseThrow();

        // when
        boolean released = port().release(stale);

        // then
        assertThat(released).isFalse();
        assertThat(port().load().lease()).isEqualTo(current);
        assertThat(port().acquireLease(OWNER, LEASE, stale.expiresAt())).isEmpty();
    }

    @Test
    void forgetsLastClaimButKeepsLease() {
        // given
        RunLease held = port().claimInterval(INTERVAL, OWNER, LEASE, START).orElseThrow();

        // when
        newInstance().forget();

        // then
        assertThat(port().load()).isEqualTo(new SyncState(null, held));
        assertThat(port().claimInterval(INTERVAL, "web-2:99", LEASE, START)).isEmpty();
        port().release(held);
        assertThat(port().claimInterval(INTERVAL, "web-2:99", LEASE, START)).isPresent();
    }

    @Test
    void forgetsNothingOnEmptyStore() {
        // when
        port().forget();

        // then
        assertThat(port().load()).isEqualTo(SyncState.EMPTY);
    }

    @Test
    void sharesStateBetweenInstancesOverOneStore() {
        // given
        RunLease held = port().claimInterval(INTERVAL, OWNER, LEASE, START).orElseThrow();
        SyncStatePort other = newInstance();

        // when / then
        assertThat(other.load()).isEqualTo(new SyncState(START, held));
        assertThat(other.claimInterval(INTERVAL, "web-2:99", LEASE, START.plus(LEASE)))
                .isEmpty();
    }

    @Test
    void claimsEachIntervalExactlyOnceAmongConcurrentCallers() throws Exception {
        // given: rounds one interval (and one lease) apart, every thread claiming at the same instant
        Duration step = INTERVAL.plus(resolution());

        // when
        int[] wins = race(step, (port, owner, now) -> port.claimInterval(INTERVAL, owner, LEASE, now));

        // then
        assertThat(wins).hasSize(concurrentRounds()).containsOnly(1);
        assertThat(port().load().lastClaim()).isEqualTo(START.plus(step.multipliedBy(concurrentRounds())));
    }

    @Test
    void grantsLeaseToExactlyOneConcurrentCaller() throws Exception {
        // given: rounds one lease apart, every thread asking at the same instant
        // when
        int[] wins = race(LEASE, (port, owner, now) -> port.acquireLease(owner, LEASE, now));

        // then
        assertThat(wins).hasSize(concurrentRounds()).containsOnly(1);
        assertThat(port().load().lastClaim()).isNull();
    }

    private void claimAndRelease() {
        RunLease lease = port().claimInterval(INTERVAL, OWNER, LEASE, START).orElseThrow();
        assertThat(port().release(lease)).isTrue();
    }

    /**
     * Runs {@link #concurrentRounds()} rounds in which {@link #concurrentThreads()} threads, spread
     * over {@link #concurrentInstances()} instances, all call once at the same instant; the clock
     * moves {@code step} ahead before each round.
     *
     * @return the number of calls that won, per round
     */
    private int[] race(Duration step, Call call) throws Exception {
        int rounds = concurrentRounds();
        List<SyncStatePort> ports = IntStream.range(0, concurrentInstances())
                .mapToObj(i -> newInstance())
                .toList();
        AtomicIntegerArray wins = new AtomicIntegerArray(rounds);
        StartGate gate = new StartGate(concurrentThreads(), () -> clock().advance(step));
        ExecutorService pool = Executors.newFixedThreadPool(concurrentThreads());
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < concurrentThreads(); t++) {
                SyncStatePort port = ports.get(t % ports.size());
                String owner = "node-" + t;
                threads.add(pool.submit(() -> {
                    try {
                        for (int round = 0; round < rounds; round++) {
                            gate.await(round);
                            if (call.take(port, owner, clock().now()).isPresent()) {
                                wins.incrementAndGet(round);
                            }
                        }
                        return null;
                    } catch (RuntimeException | TimeoutException e) {
                        gate.abort();
                        throw e;
                    }
                }));
            }
            for (Future<?> thread : threads) {
                thread.get(60, SECONDS);
            }
        } finally {
            gate.abort();
            pool.shutdownNow();
        }
        return IntStream.range(0, rounds).map(wins::get).toArray();
    }

    /** One racing call: a claim or a lease request. */
    @FunctionalInterface
    private interface Call {
        Optional<RunLease> take(SyncStatePort port, String owner, Instant now);
    }
}
