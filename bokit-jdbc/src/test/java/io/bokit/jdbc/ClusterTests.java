package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.AutoSyncService;
import io.bokit.core.application.RunSettings;
import io.bokit.core.application.SyncJob;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncState;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (each its own connection pool, request hook, run executor and clock, the clocks five
 * minutes either side of the database's) hammer the hook with 64 threads each over many intervals
 * of one shared database, with database time. The database's clock cannot be moved, so each new
 * interval is made to begin by writing the last claim one interval and a microsecond back by the
 * database's clock, while the node clocks move one interval on so that the hooks look again. Every
 * fifth run is held while a further interval passes and both nodes hammer again: the run's lease,
 * on the database's clock, must stop them although their own clocks say it has long expired.
 */
abstract class ClusterTests {
    private static final String PREFIX = "bokit_";
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final int ROUNDS = 50;
    private static final int THREADS_PER_NODE = 64;
    private static final int REQUESTS_PER_THREAD = 20;
    private static final int HELD_EVERY = 5;

    abstract TestDatabase open();

    @Test
    void twoNodesWithSkewedClocksRunEachIntervalExactlyOnceAndNeverTwoRunsAtOnce() throws Exception {
        long started = System.nanoTime();
        try (TestDatabase database = open()) {
            // given
            database.initialize(PREFIX);
            Node nodeA = new Node(database, "node-a:1", database.now().plus(SKEW));
            Node nodeB = new Node(database, "node-b:2", database.now().minus(SKEW));
            nodeA.stores.options().store("install.complete", "true");
            nodeA.stores.options().store("sync.interval", Long.toString(INTERVAL.toSeconds()));
            ExecutorService requests = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
            int held = 0;
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    if (round > 0) {
                        // when an interval passes, for the database and for both nodes
                        intervalPasses(database, nodeA, nodeB);
                    }
                    Runs.round.set(round);
                    CountDownLatch release = new CountDownLatch(1);
                    boolean holding = round % HELD_EVERY == HELD_EVERY - 1;
                    Runs.hold.set(holding ? release : null);

                    // and every thread of both nodes sends requests at the same moment
                    hammer(requests, nodeA, nodeB);

                    // then one run starts
                    assertThat(Runs.started.tryAcquire(30, TimeUnit.SECONDS))
                            .as("a run in round " + round)
                            .isTrue();
                    if (holding) {
                        // when it is held while another interval passes and both nodes hammer again
                        RunLease running = nodeA.stores.syncState().load().lease();
                        intervalPasses(database, nodeA, nodeB);
                        hammer(requests, nodeA, nodeB);

                        // then no request claimed: the lease is the held run's still
                        assertThat(nodeB.stores.syncState().load().lease())
                                .as("the lease in held round " + round)
                                .isEqualTo(running);
                        held++;
                    }
                    release.countDown();

                    // and the run ends before the next interval
                    assertThat(Runs.finished.tryAcquire(30, TimeUnit.SECONDS))
                            .as("the end of the run in round " + round)
                            .isTrue();
                }
            } finally {
                Runs.hold.set(null);
                requests.shutdownNow();
                nodeA.close();
                nodeB.close();
            }

            // then
            assertThat(IntStream.range(0, ROUNDS).map(Runs.perRound::get).toArray())
                    .as("runs per interval")
                    .containsOnly(1);
            assertThat(Runs.maxInFlight).as("runs at once").hasValue(1);
            assertThat(Runs.foreignLeases)
                    .as("runs whose lease was not the one stored")
                    .hasValue(0);
            assertThat(Runs.started.availablePermits()).isZero();
            assertThat(Runs.finished.availablePermits()).isZero();
            assertThat(nodeA.stores.syncState().load().lease()).isNull();
            assertThat(held).isEqualTo(ROUNDS / HELD_EVERY);
            assertThat(Runs.claims).as("claims made of the database").hasValueGreaterThan(ROUNDS + held);
            assertThat(Runs.requests).hasValue(2L * THREADS_PER_NODE * REQUESTS_PER_THREAD * (ROUNDS + held));
            System.out.printf(
                    "[reliability] two nodes, one database (%s): %d threads per node, clocks %s either side,"
                            + " %d requests served over %d intervals, %d of them while a held run kept its lease"
                            + " (no run may start), %d claims made of the database, %d runs counted (one in each"
                            + " other interval), at most %d run in flight, %d ms%n",
                    database,
                    THREADS_PER_NODE,
                    SKEW,
                    Runs.requests.get(),
                    ROUNDS + held,
                    held,
                    Runs.claims.get(),
                    IntStream.range(0, ROUNDS).map(Runs.perRound::get).sum(),
                    Runs.maxInFlight.get(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            Runs.reset();
        }
    }

    /** One interval passes: for the database, by moving the last claim back; for the nodes, on their clocks. */
    private static void intervalPasses(TestDatabase database, Node... nodes) {
        database.execute("UPDATE " + PREFIX + "sync_state SET last_claim = "
                + database.dialect().nowMicros() + " - " + (Column.micros(INTERVAL) + 1));
        for (Node node : nodes) {
            node.clock.advance(INTERVAL.plusSeconds(1));
        }
    }

    private static void hammer(ExecutorService requests, Node... nodes) throws Exception {
        CyclicBarrier start = new CyclicBarrier(nodes.length * THREADS_PER_NODE);
        List<Future<?>> done = new ArrayList<>();
        for (Node node : nodes) {
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                done.add(requests.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    for (int r = 0; r < REQUESTS_PER_THREAD; r++) {
                        node.hook.onRequest();
                        Runs.requests.incrementAndGet();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    /** What the runs of both nodes record. */
    private static final class Runs {
        static final AtomicInteger round = new AtomicInteger();
        static final AtomicIntegerArray perRound = new AtomicIntegerArray(ROUNDS);
        static final AtomicInteger inFlight = new AtomicInteger();
        static final AtomicInteger maxInFlight = new AtomicInteger();
        static final Semaphore started = new Semaphore(0);
        static final Semaphore finished = new Semaphore(0);
        static final AtomicLong requests = new AtomicLong();
        static final AtomicInteger claims = new AtomicInteger();
        static final AtomicInteger foreignLeases = new AtomicInteger();
        /** While set, a run waits for this latch before it ends. */
        static final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

        /** Waits while the run is held. */
        static void awaitRelease() {
            CountDownLatch latch = hold.get();
            try {
                if (latch != null && !latch.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The held run was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while held", e);
            }
        }

        static void reset() {
            requests.set(0);
            claims.set(0);
            foreignLeases.set(0);
            hold.set(null);
            started.drainPermits();
            round.set(0);
            IntStream.range(0, ROUNDS).forEach(i -> perRound.set(i, 0));
            inFlight.set(0);
            maxInFlight.set(0);
            finished.drainPermits();
        }
    }

    /** The sync state of a node, counting the claims it makes of the database and those it wins. */
    private record CountedClaims(SyncStatePort state) implements SyncStatePort {
        @Override
        public SyncState load() {
            return state.load();
        }

        @Override
        public Optional<RunLease> claimInterval(Duration interval, String owner, Duration leaseFor, Instant now) {
            Runs.claims.incrementAndGet();
            return state.claimInterval(interval, owner, leaseFor, now);
        }

        @Override
        public Optional<RunLease> acquireLease(String owner, Duration leaseFor, Instant now) {
            return state.acquireLease(owner, leaseFor, now);
        }

        @Override
        public boolean release(RunLease lease) {
            return state.release(lease);
        }

        @Override
        public void forget() {
            state.forget();
        }
    }

    /** One node: its own pool, ports, clock, hook and after-response executor. */
    private static final class Node implements AutoCloseable {
        final MutableClock clock;
        final BokitJdbc stores;
        final AutoSyncService hook;
        final ExecutorService runs = Executors.newFixedThreadPool(2);

        Node(TestDatabase database, String owner, Instant start) {
            this.clock = new MutableClock(start);
            this.stores = BokitJdbc.builder(database.newPool(THREADS_PER_NODE))
                    .tablePrefix(PREFIX)
                    .initialize(InitializeMode.NEVER)
                    .build(); // database time is the default
            SyncJob job = lease -> {
                Runs.maxInFlight.accumulateAndGet(Runs.inFlight.incrementAndGet(), Math::max);
                Runs.perRound.incrementAndGet(Runs.round.get());
                try {
                    if (!lease.equals(stores.syncState().load().lease())) {
                        Runs.foreignLeases.incrementAndGet();
                    }
                    Runs.started.release();
                    Runs.awaitRelease();
                } finally {
                    Runs.inFlight.decrementAndGet();
                }
            };
            RunSettings settings = new RunSettings(owner, RunSettings.DEFAULT_LEASE, RunSettings.DEFAULT_REFRESH);
            this.hook = new AutoSyncService(
                    stores.options(),
                    new CountedClaims(stores.syncState()),
                    clock,
                    job,
                    settings,
                    Runnable::run,
                    this::afterResponse);
        }

        /** Runs the job on this node's executor, then tells the test it ended (its lease released). */
        private void afterResponse(Runnable job) {
            runs.execute(() -> {
                try {
                    job.run();
                } finally {
                    Runs.finished.release();
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            runs.shutdown();
            runs.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
