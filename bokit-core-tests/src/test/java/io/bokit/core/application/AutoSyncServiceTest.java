package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.StorageException;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutoSyncServiceTest {
    private static final Duration INTERVAL = Duration.ofSeconds(300);
    private static final RunSettings SETTINGS =
            new RunSettings("test-node", Duration.ofMinutes(15), Duration.ofSeconds(60));

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final InMemoryOptions options = new InMemoryOptions();
    private final InMemorySyncState.Store store = new InMemorySyncState.Store();
    private final InMemorySyncState state = new InMemorySyncState(store);
    private final QueueExecutor runs = new QueueExecutor();
    private final List<RunLease> started = new ArrayList<>();
    private final LogCapture log = new LogCapture(AutoSyncService.class);

    AutoSyncServiceTest() {
        options.store("install.complete", "true");
        options.store("sync.interval", Long.toString(INTERVAL.toSeconds()));
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    private AutoSyncService hook(SyncJob job) {
        return new AutoSyncService(options, state, clock, job, SETTINGS, Runnable::run, runs);
    }

    private AutoSyncService hook() {
        return hook(started::add);
    }

    @Test
    void runsTheAdaptersStepBeforeTheCheckOnlyOnTheRequestThatStartsIt() {
        // given
        List<String> steps = new ArrayList<>();
        AutoSyncService hook = new AutoSyncService(
                options, state, clock, started::add, SETTINGS, task -> steps.add("check handed over"), runs);

        // when the first request starts a check, and two more come in the same refresh period
        hook.onRequest(() -> steps.add("page flushed"));
        hook.onRequest(() -> steps.add("page flushed"));
        hook.onRequest(() -> steps.add("page flushed"));

        // then only the first flushed its page, before the check was handed over
        assertThat(steps).containsExactly("page flushed", "check handed over");
    }

    @Test
    void checksAllTheSameWhenTheAdaptersStepBeforeTheCheckThrows() {
        // given
        AutoSyncService hook = hook();

        // when
        hook.onRequest(() -> {
            throw new IllegalStateException("client gone");
        });

        // then the check ran and handed the run over
        assertThat(runs.submitted()).isEqualTo(1);
    }

    @Test
    void triggersARunAfterTheResponseWhenDueAndLogsTheSeedLines() {
        // given
        AutoSyncService hook = hook();

        // when a request comes in
        hook.onRequest();

        // then the run was handed to the executor, not run on the request thread
        assertThat(runs.submitted()).isEqualTo(1);
        assertThat(started).isEmpty();
        assertThat(log.lines())
                .containsExactly("[AutoSync] Sync triggered", "[AutoSync] Sync job will run after response");

        // when the executor runs it
        runs.runAll();

        // then the job ran under a lease that is released afterwards
        assertThat(started).singleElement().satisfies(lease -> assertThat(lease.owner())
                .isEqualTo("test-node"));
        assertThat(state.load().activeLease(clock.now())).isEmpty();
        assertThat(state.load().lastClaim()).isEqualTo(clock.now());
    }

    @Test
    void doesNothingWhileInstallIsIncomplete() {
        options.store("install.complete", "false");
        AutoSyncService hook = hook();

        hook.onRequest();
        clock.advance(Duration.ofDays(2));
        hook.onRequest();

        assertThat(runs.submitted()).isZero();
        assertThat(state.load().lastClaim()).isNull();
    }

    @Test
    void fastPathMakesNoStoragePortCallWhenNotDue() {
        // given a hook that has just claimed an interval
        AtomicInteger optionCalls = new AtomicInteger();
        AtomicInteger stateCalls = new AtomicInteger();
        AutoSyncService hook = new AutoSyncService(
                Counting.wrap(OptionsPort.class, options, optionCalls),
                Counting.wrap(SyncStatePort.class, state, stateCalls),
                clock,
                started::add,
                SETTINGS,
                Runnable::run,
                runs);
        hook.onRequest();
        assertThat(runs.submitted()).isEqualTo(1);
        optionCalls.set(0);
        stateCalls.set(0);

        // when many requests arrive before the refresh period ends
        for (int i = 0; i < 10_000; i++) {
            hook.onRequest();
            if (i % 1000 == 0) {
                clock.advance(Duration.ofSeconds(5));
            }
        }

        // then no port was touched
        assertThat(optionCalls).hasValue(0);
        assertThat(stateCalls).hasValue(0);
        assertThat(runs.submitted()).isEqualTo(1);
    }

    @Test
    void fastPathDoesNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AutoSyncService hook = hook();
        hook.onRequest(); // claims; the next requests are not due
        for (int i = 0; i < 20_000; i++) {
            hook.onRequest(); // warm up
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            hook.onRequest();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // a single allocation per call would be at least 1.6 MB; measurement itself costs a few bytes
        assertThat(allocated).isLessThan(10_000);
    }

    @Test
    void sixtyFourThreadsHittingADueHookStartExactlyOneRun() throws Exception {
        // given one hook, due
        AutoSyncService hook = hook();
        int threads = 64;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService requests = Executors.newFixedThreadPool(threads);
        try {
            // when 64 requests arrive at once
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(requests.submit(() -> {
                    start.await();
                    hook.onRequest();
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            requests.shutdownNow();
        }

        // then
        assertThat(runs.submitted()).isEqualTo(1);
    }

    @Test
    void severalProcessesSharingOneStoreRunOncePerInterval() throws Exception {
        // given four "processes": separate hooks and port instances over one shared store
        int nodes = 4;
        int threadsPerNode = 16;
        int intervals = 20;
        List<AutoSyncService> hooks = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            hooks.add(new AutoSyncService(
                    options,
                    new InMemorySyncState(store),
                    clock,
                    started::add,
                    SETTINGS.withOwner("node-" + n),
                    Runnable::run,
                    runs));
        }
        ExecutorService requests = Executors.newFixedThreadPool(nodes * threadsPerNode);
        try {
            for (int interval = 0; interval < intervals; interval++) {
                // when every thread of every node sends requests at the same moment
                CyclicBarrier start = new CyclicBarrier(nodes * threadsPerNode);
                List<Future<?>> done = new ArrayList<>();
                for (AutoSyncService hook : hooks) {
                    for (int t = 0; t < threadsPerNode; t++) {
                        done.add(requests.submit(() -> {
                            start.await();
                            for (int r = 0; r < 20; r++) {
                                hook.onRequest();
                            }
                            return null;
                        }));
                    }
                }
                for (Future<?> future : done) {
                    future.get(30, TimeUnit.SECONDS);
                }
                runs.runAll(); // the run finishes and releases its lease
                clock.advance(INTERVAL.plusSeconds(1));
            }
        } finally {
            requests.shutdownNow();
        }

        // then exactly one run per interval
        assertThat(runs.submitted()).isEqualTo(intervals);
        assertThat(started).hasSize(intervals);
    }

    @Test
    void aRunThatThrowsIsLoggedAndTheNextDueRequestTriggersAgain() {
        // given a job that fails
        AtomicInteger attempts = new AtomicInteger();
        AutoSyncService hook = hook(lease -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("channel exploded");
        });

        // when it runs
        hook.onRequest();
        assertThatCode(runs::runAll).doesNotThrowAnyException();

        // then it is logged, and the lease is free again
        assertThat(log.lines()).contains("[AutoSync] Sync job failed");
        assertThat(state.load().activeLease(clock.now())).isEmpty();

        // when the interval is over, the next request triggers a new run
        clock.advance(INTERVAL.plusSeconds(1));
        hook.onRequest();
        runs.runAll();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void theLeaseStopsAnOverlappingRun() {
        // given a run that has been triggered and is still running
        AutoSyncService hook = hook();
        hook.onRequest();
        assertThat(runs.submitted()).isEqualTo(1);

        // when the interval passes again while it holds the lease
        clock.advance(INTERVAL.plusSeconds(1));
        hook.onRequest();
        clock.advance(SETTINGS.refreshPeriod().plusSeconds(1));
        hook.onRequest();

        // then no second run starts
        assertThat(runs.submitted()).isEqualTo(1);

        // when the first run ends, the next check starts the overdue run
        runs.runAll();
        clock.advance(SETTINGS.refreshPeriod().plusSeconds(1));
        hook.onRequest();
        assertThat(runs.submitted()).isEqualTo(2);
    }

    @Test
    void anotherNodeClaimsWithinSecondsOfTheReleaseOfARunThatOverranTheInterval() {
        // given node A's run that lasts longer than the interval
        InMemorySyncState nodeAState = new InMemorySyncState(store);
        QueueExecutor nodeARuns = new QueueExecutor();
        AutoSyncService nodeA =
                new AutoSyncService(options, nodeAState, clock, started::add, SETTINGS, Runnable::run, nodeARuns);
        AutoSyncService nodeB = hook();
        nodeA.onRequest();
        assertThat(nodeARuns.submitted()).isEqualTo(1);

        // when node B sees the interval over while A still holds the lease
        clock.advance(INTERVAL.plusSeconds(1));
        nodeB.onRequest();
        assertThat(runs.submitted()).isZero();

        // and A's run ends a few seconds later
        clock.advance(Duration.ofSeconds(5));
        nodeARuns.runAll();

        // then B claims within a few seconds of the release, not a whole refresh period later
        clock.advance(AutoSyncService.BUSY_RECHECK.plusMillis(1));
        nodeB.onRequest();
        assertThat(runs.submitted()).isEqualTo(1);
    }

    @Test
    void theNodeWhoseRunOverranTheIntervalClaimsOnTheFirstRequestAfterItEnds() {
        // given a run still going when the next interval is over, and a request that found its lease held
        AutoSyncService hook = hook();
        hook.onRequest();
        clock.advance(INTERVAL.plusSeconds(1));
        hook.onRequest();
        assertThat(runs.submitted()).isEqualTo(1);

        // when the run ends
        runs.runAll();

        // then the very next request claims the overdue interval
        hook.onRequest();
        assertThat(runs.submitted()).isEqualTo(2);
    }

    @Test
    void aCrashedRunsLeaseExpiresAndTheNextDueRequestRecovers() {
        // given a run whose process died: its lease is never released
        state.claimInterval(INTERVAL, "dead-node", SETTINGS.leaseFor(), clock.now());
        AutoSyncService hook = hook();

        // when the interval is over but the lease still holds
        clock.advance(INTERVAL.plusSeconds(1));
        hook.onRequest();
        assertThat(runs.submitted()).isZero();

        // then once the lease has expired a request starts a run
        clock.advance(SETTINGS.leaseFor());
        hook.onRequest();
        assertThat(runs.submitted()).isEqualTo(1);
    }

    @Test
    void aChangedIntervalTakesEffectWithinOneRefreshPeriod() {
        // given a run just claimed with a one-hour interval
        options.store("sync.interval", "3600");
        AutoSyncService hook = hook();
        hook.onRequest();
        runs.runAll();

        // when another node shortens the interval to two minutes
        options.store("sync.interval", "120");
        clock.advance(Duration.ofSeconds(121));
        hook.onRequest();

        // then this node notices at its next refresh and syncs, without a restart
        assertThat(runs.submitted()).isEqualTo(2);
    }

    @Test
    void refreshSoonMakesTheNextRequestReadOptionsAgain() {
        options.store("install.complete", "false");
        AutoSyncService hook = hook();
        hook.onRequest();

        options.store("install.complete", "true");
        hook.onRequest();
        assertThat(runs.submitted()).isZero();

        hook.refreshSoon();
        hook.onRequest();
        assertThat(runs.submitted()).isEqualTo(1);
    }

    @Test
    void neverThrowsWhenTheStoreFailsAndTriesAgainAfterTheRefreshPeriod() {
        // given a store that is down
        AtomicInteger loads = new AtomicInteger();
        SyncStatePort broken = failing(loads);
        AutoSyncService hook = new AutoSyncService(options, broken, clock, started::add, SETTINGS, Runnable::run, runs);

        // when
        assertThatCode(hook::onRequest).doesNotThrowAnyException();
        assertThatCode(hook::onRequest).doesNotThrowAnyException();

        // then it logged the failure once and waits a refresh period before asking again
        assertThat(loads).hasValue(1);
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("[AutoSync] Sync check failed"));
        clock.advance(SETTINGS.refreshPeriod().plusMillis(1));
        hook.onRequest();
        assertThat(loads).hasValue(2);
    }

    @Test
    void givesTheIntervalBackWhenTheRunExecutorRefusesTheJob() {
        AutoSyncService hook =
                new AutoSyncService(options, state, clock, started::add, SETTINGS, Runnable::run, job -> {
                    throw new RejectedExecutionException("queue full");
                });

        assertThatCode(hook::onRequest).doesNotThrowAnyException();

        assertThat(state.load().lastClaim()).isNull();
        assertThat(state.load().activeLease(clock.now())).isEmpty();
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("executor refused"));
    }

    @Test
    void aCheckOnAnotherExecutorNeverBlocksTheRequestThread() {
        // given the check itself runs on an executor the test controls
        QueueExecutor checks = new QueueExecutor();
        AutoSyncService hook = new AutoSyncService(options, state, clock, started::add, SETTINGS, checks, runs);

        // when many requests arrive while the check has not run yet
        for (int i = 0; i < 100; i++) {
            hook.onRequest();
        }

        // then one check was queued, and nothing was claimed on the request thread
        assertThat(checks.submitted()).isEqualTo(1);
        assertThat(state.load().lastClaim()).isNull();
        checks.runAll();
        assertThat(runs.submitted()).isEqualTo(1);
    }

    private SyncStatePort failing(AtomicInteger loads) {
        return new SyncStatePort() {
            @Override
            public io.bokit.core.domain.SyncState load() {
                loads.incrementAndGet();
                throw new StorageException("database is down");
            }

            @Override
            public java.util.Optional<RunLease> claimInterval(Duration i, String o, Duration l, Instant n) {
                throw new StorageException("database is down");
            }

            @Override
            public java.util.Optional<RunLease> acquireLease(String o, Duration l, Instant n) {
                throw new StorageException("database is down");
            }

            @Override
            public boolean release(RunLease lease) {
                throw new StorageException("database is down");
            }

            @Override
            public void forget() {
                throw new StorageException("database is down");
            }
        };
    }
}
