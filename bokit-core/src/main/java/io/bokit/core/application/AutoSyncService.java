package io.bokit.core.application;

import io.bokit.core.domain.Options;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncDecision;
import io.bokit.core.domain.SyncPolicy;
import io.bokit.core.domain.SyncState;
import io.bokit.core.port.in.AutoSyncUseCase;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncStatePort;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request hook, wp-cron style: every request pays one comparison against an in-memory
 * deadline; when the deadline has passed, one thread of this process re-reads options and state,
 * asks {@link SyncPolicy}, claims the interval atomically through {@link SyncStatePort} and hands
 * the run to the adapter's executor, to run after the response.
 *
 * <p>The deadline is the earlier of "the interval ends" and "what was read is stale" (the refresh
 * period), so a change of {@code sync.interval} made anywhere takes effect within one refresh
 * period. The check runs on {@code checkExecutor}: a direct executor ({@code Runnable::run}) runs it
 * on the request thread, an adapter that must never block a request passes a pool.
 */
public final class AutoSyncService implements AutoSyncUseCase {
    private static final Logger log = LoggerFactory.getLogger(AutoSyncService.class);

    private final OptionsPort options;
    private final SyncStatePort state;
    private final ClockPort clock;
    private final SyncJob job;
    private final RunSettings settings;
    private final Executor checkExecutor;
    private final Executor runExecutor;
    private final Runnable join;

    private final AtomicBoolean checking = new AtomicBoolean();
    /** Whether this process runs a sync it claimed, or is joining another node's shared run. */
    private final AtomicBoolean busyHere = new AtomicBoolean();
    /** Until this epoch millisecond (inclusive) no request needs to look further. */
    private static final Runnable NOTHING = () -> {};

    /**
     * How soon a check looks again when the interval is over but another run still holds the lease
     * (a run longer than the interval): the next claim follows the lease's release within this time,
     * instead of waiting a whole refresh period.
     */
    static final Duration BUSY_RECHECK = Duration.ofSeconds(2);

    private volatile long quietUntilMillis = Long.MIN_VALUE;

    /**
     * Creates the hook.
     *
     * @param options where {@code install.complete} and {@code sync.interval} are read
     * @param state where the interval is claimed
     * @param clock the time
     * @param job the run a won claim starts
     * @param settings owner, lease duration, refresh period
     * @param checkExecutor runs the check (refresh, policy, claim); {@code Runnable::run} for the request thread
     * @param runExecutor runs the sync after the response
     */
    public AutoSyncService(
            OptionsPort options,
            SyncStatePort state,
            ClockPort clock,
            SyncJob job,
            RunSettings settings,
            Executor checkExecutor,
            Executor runExecutor) {
        this(options, state, clock, job, settings, checkExecutor, runExecutor, NOTHING);
    }

    /**
     * Creates the hook of a node that joins other nodes' shared runs ({@code sync.shared_runs}): while another
     * node's run holds the lease, a check at most every {@link #BUSY_RECHECK} (2 seconds) hands {@code join}
     * to the run executor, unless this process is already running or joining one.
     *
     * @param options where {@code install.complete}, {@code sync.interval} and {@code sync.shared_runs} are read
     * @param state where the interval is claimed
     * @param clock the time
     * @param job the run a won claim starts
     * @param settings owner, lease duration, refresh period
     * @param checkExecutor runs the check (refresh, policy, claim); {@code Runnable::run} for the request thread
     * @param runExecutor runs the sync, or the join, after the response
     * @param join joins the shared run that is open, if any; returns when this node finds nothing left to claim
     */
    public AutoSyncService(
            OptionsPort options,
            SyncStatePort state,
            ClockPort clock,
            SyncJob job,
            RunSettings settings,
            Executor checkExecutor,
            Executor runExecutor,
            Runnable join) {
        this.join = Objects.requireNonNull(join, "join");
        this.options = Objects.requireNonNull(options, "options");
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.job = Objects.requireNonNull(job, "job");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.checkExecutor = Objects.requireNonNull(checkExecutor, "checkExecutor");
        this.runExecutor = Objects.requireNonNull(runExecutor, "runExecutor");
    }

    @Override
    public void onRequest() {
        onRequest(NOTHING);
    }

    @Override
    public void onRequest(Runnable beforeCheck) {
        try {
            if (clock.millis() > quietUntilMillis) {
                startCheck(beforeCheck);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.warn("[AutoSync] Sync check failed: {}", e.toString());
        }
    }

    @Override
    public void refreshSoon() {
        quietUntilMillis = Long.MIN_VALUE;
    }

    private void startCheck(Runnable beforeCheck) {
        if (!checking.compareAndSet(false, true)) {
            return; // another thread of this process is checking
        }
        try {
            beforeCheck.run();
        } catch (RuntimeException e) {
            log.debug("[AutoSync] The adapter's step before the check failed; checking all the same", e);
        }
        try {
            checkExecutor.execute(this::check);
        } catch (RuntimeException e) {
            quietUntilMillis = clock.millis() + settings.refreshPeriod().toMillis();
            checking.set(false);
            log.warn("[AutoSync] Sync check not started: {}", e.toString());
        }
    }

    private void check() {
        Instant now = clock.now();
        Instant quietUntil = now.plus(settings.refreshPeriod());
        try {
            Options current = Options.parse(options.loadAll());
            SyncState seen = state.load();
            SyncDecision decision = SyncPolicy.decide(current, seen, now);
            if (decision instanceof SyncDecision.Due) {
                decision = claimAndStart(current, now);
            } else if (joins(current) && seen.activeLease(now).isPresent()) {
                decision = startJoin(now);
            }
            if (decision instanceof SyncDecision.NotDue notDue && notDue.until().isBefore(quietUntil)) {
                quietUntil = notDue.until();
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.warn("[AutoSync] Sync check failed, next try in {}: {}", settings.refreshPeriod(), e.toString());
        } finally {
            quietUntilMillis = quietUntil.toEpochMilli();
            checking.set(false);
        }
    }

    /** Claims the interval; on a win starts the run. Returns what is known of the next due time. */
    private SyncDecision claimAndStart(Options current, Instant now) {
        Optional<RunLease> won =
                state.claimInterval(current.syncInterval(), settings.owner(), settings.leaseFor(), now);
        if (won.isEmpty()) {
            if (joins(current)) {
                return startJoin(now); // another node's run, perhaps shared: take part in it
            }
            // another thread or node claimed first, or a run still holds the lease: read what it left
            SyncDecision after = SyncPolicy.decide(current, state.load(), now);
            if (after instanceof SyncDecision.Due) {
                // the interval is over but a run overran it: look again as soon as its lease may be released
                Duration wait =
                        BUSY_RECHECK.compareTo(settings.refreshPeriod()) < 0 ? BUSY_RECHECK : settings.refreshPeriod();
                log.debug("[AutoSync] A run still holds the lease; checking again in {}", wait);
                return new SyncDecision.NotDue(now.plus(wait));
            }
            return after;
        }
        RunLease lease = won.get();
        log.info("[AutoSync] Sync triggered");
        busyHere.set(true);
        try {
            runExecutor.execute(() -> run(lease));
        } catch (RuntimeException e) {
            busyHere.set(false);
            // nothing will run: give the interval back so the next check claims it again
            state.forget();
            state.release(lease);
            log.warn("[AutoSync] Sync job not started, the executor refused it: {}", e.toString());
            return new SyncDecision.Disabled("the run executor refused the job");
        }
        log.info("[AutoSync] Sync job will run after response");
        return SyncPolicy.decide(current, new SyncState(lease.acquiredAt(), lease), now);
    }

    /** Whether this node takes part in other nodes' shared runs. */
    private boolean joins(Options current) {
        return join != NOTHING && current.sharedRuns();
    }

    /**
     * While another node's run holds the lease: hands the join to the run executor (unless this process is busy
     * with a run already), and looks again within {@link #BUSY_RECHECK}, for a run opened a moment after its claim
     * or for claims of a node that stopped.
     */
    private SyncDecision startJoin(Instant now) {
        if (busyHere.compareAndSet(false, true)) {
            try {
                runExecutor.execute(() -> {
                    try {
                        join.run();
                    } catch (VirtualMachineError e) {
                        throw e;
                    } catch (Throwable e) {
                        log.warn("[AutoSync] Joining the shared run failed: {}", e.toString());
                    } finally {
                        busyHere.set(false);
                    }
                });
            } catch (RuntimeException e) {
                busyHere.set(false);
                log.warn("[AutoSync] Could not join the shared run, the executor refused it: {}", e.toString());
            }
        }
        Duration wait = BUSY_RECHECK.compareTo(settings.refreshPeriod()) < 0 ? BUSY_RECHECK : settings.refreshPeriod();
        return new SyncDecision.NotDue(now.plus(wait));
    }

    private void run(RunLease lease) {
        try {
            job.run(lease);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.error("[AutoSync] Sync job failed", e);
        } finally {
            try {
                state.release(lease);
            } catch (RuntimeException e) {
                log.warn(
                        "[AutoSync] Could not release the run lease (it expires at {}): {}",
                        lease.expiresAt(),
                        e.toString());
            }
            busyHere.set(false);
            // a run longer than the interval: the next request of this process checks again at once
            refreshSoon();
        }
    }
}
