package io.bokit.core.application;

import io.bokit.core.domain.BokitException;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ClosedRun;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUnavailableException;
import io.bokit.core.domain.OpenRun;
import io.bokit.core.domain.Options;
import io.bokit.core.domain.RunFeed;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.Secrets;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.domain.SyncState;
import io.bokit.core.port.in.JoinedRun;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.in.SyncScope;
import io.bokit.core.port.in.SyncUseCase;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SharedRunPort;
import io.bokit.core.port.out.SyncStatePort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs syncs: takes the lease (or claims the interval), syncs every feed in scope in isolation —
 * one feed's failure, of any kind, never stops the others — and reports. Logs the seed's
 * {@code [SyncJob]} lines; never a feed's URL.
 */
final class SyncService implements SyncUseCase {
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final FeedCatalogPort catalog;
    private final SyncStatePort state;
    private final OptionsPort options;
    private final ClockPort clock;
    private final RunSettings settings;
    private final FeedSynchronizer synchronizer;
    private final Listeners listeners;
    private final DoubleBookingDetector detector;
    private final Runnable onForget;
    private final SharedRunPort shared;
    private final Duration sharedPoll;

    SyncService(
            FeedCatalogPort catalog,
            SyncStatePort state,
            OptionsPort options,
            ClockPort clock,
            RunSettings settings,
            FeedSynchronizer synchronizer,
            Listeners listeners,
            DoubleBookingDetector detector,
            Runnable onForget,
            SharedRunPort shared,
            Duration sharedPoll) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.state = Objects.requireNonNull(state, "state");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.synchronizer = Objects.requireNonNull(synchronizer, "synchronizer");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.onForget = Objects.requireNonNull(onForget, "onForget");
        this.shared = shared;
        this.sharedPoll = Objects.requireNonNull(sharedPoll, "sharedPoll");
    }

    @Override
    public SyncResult sync(SyncCommand command) {
        Instant now = clock.now();
        Options current = Options.parse(options.loadAll());
        Optional<RunLease> lease = command.force()
                ? state.acquireLease(settings.owner(), settings.leaseFor(), now)
                : state.claimInterval(current.syncInterval(), settings.owner(), settings.leaseFor(), now);
        if (lease.isEmpty()) {
            SyncState seen = state.load();
            Optional<RunLease> holder = seen.activeLease(now);
            if (holder.isPresent() || command.force()) {
                return new SyncResult.Busy(holder.orElse(null));
            }
            return new SyncResult.NotDue(
                    seen.lastClaim() == null ? null : seen.lastClaim().plus(current.syncInterval()));
        }
        try {
            return new SyncResult.Completed(run(command.scope(), current, command.ignoreBackoff(), lease.get()));
        } finally {
            state.release(lease.get());
        }
    }

    /** The job the request hook starts once it has claimed an interval: every enabled feed. */
    public SyncJob job() {
        return lease -> run(SyncScope.all(), Options.parse(options.loadAll()), false, lease);
    }

    @Override
    public Optional<JoinedRun> joinOpenRun() {
        if (shared == null) {
            return Optional.empty();
        }
        Optional<OpenRun> open = shared.openRun();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String runId = open.get().id();
        Options current = Options.parse(options.loadAll());
        Instant started = clock.now();
        Map<CalendarKey, Calendar> calendars = calendarsByKey();
        Map<FeedId, Feed> feeds = catalog.feeds().stream().collect(Collectors.toMap(Feed::id, Function.identity()));
        List<DoubleBooking> opened = new CopyOnWriteArrayList<>();
        int synced = workOn(runId, feeds, calendars, current, false, opened);
        log.info(
                "[SyncJob] Synced {} feeds of shared run {} opened by {}",
                synced,
                shortId(runId),
                open.get().lease().owner());
        SyncReport report = shared.close(runId)
                .map(closed -> {
                    state.release(closed.lease());
                    return completed(started, closed.results(), opened);
                })
                .orElse(null);
        return Optional.of(new JoinedRun(runId, open.get().lease().owner(), synced, report));
    }

    private SyncReport run(SyncScope scope, Options current, boolean ignoreBackoff, RunLease lease) {
        log.info("[SyncJob] Starting iCal synchronization");
        Instant started = clock.now();
        Map<CalendarKey, Calendar> calendars = calendarsByKey();
        List<Feed> feeds = catalog.feeds().stream()
                .filter(feed -> feed.enabled() && scope.includes(feed))
                .toList();
        List<DoubleBooking> opened = new CopyOnWriteArrayList<>();
        if (shared != null && current.sharedRuns()) {
            return runShared(started, feeds, calendars, current, ignoreBackoff, lease, opened);
        }
        Map<Feed, FeedResult> results = new ConcurrentHashMap<>();
        new HostQueues(settings.parallelHosts())
                .run(feeds, feed -> results.put(feed, syncAndLook(feed, calendars, current, ignoreBackoff, opened)));
        return completed(started, feeds.stream().map(results::get).toList(), opened);
    }

    /**
     * Opens a shared run of these feeds, syncs this node's part, then, while other nodes still hold feeds, looks
     * again every {@code sharedPoll} (taking over the feeds of a node whose claims lapsed) until the run can be
     * closed or another node closed it (which then reported it: this node's report is not logged again).
     */
    private SyncReport runShared(
            Instant started,
            List<Feed> feeds,
            Map<CalendarKey, Calendar> calendars,
            Options current,
            boolean ignoreBackoff,
            RunLease lease,
            List<DoubleBooking> opened) {
        String runId = UUID.randomUUID().toString();
        shared.open(runId, lease, feeds.stream().map(RunFeed::of).toList(), current.perHost());
        log.info(
                "[SyncJob] Opened shared run {} of {} feeds, up to {} per host at once",
                shortId(runId),
                feeds.size(),
                current.perHost());
        Map<FeedId, Feed> byId = feeds.stream().collect(Collectors.toMap(Feed::id, Function.identity()));
        while (true) {
            workOn(runId, byId, calendars, current, ignoreBackoff, opened);
            Optional<ClosedRun> closed = shared.close(runId);
            if (closed.isPresent()) {
                return completed(started, closed.get().results(), opened);
            }
            if (shared.openRun().map(open -> !open.id().equals(runId)).orElse(true)) {
                // closed by the node that recorded the last result, or replaced by a newer run
                return new SyncReport(
                        started, clock.now(), shared.results(runId), detector.openCount(), List.copyOf(opened));
            }
            pause();
        }
    }

    /** This node's part of a shared run, until it finds no feed left to claim; returns how many it recorded. */
    private int workOn(
            String runId,
            Map<FeedId, Feed> feeds,
            Map<CalendarKey, Calendar> calendars,
            Options current,
            boolean ignoreBackoff,
            List<DoubleBooking> opened) {
        return new SharedRunWorker(shared, clock, settings)
                .work(
                        runId,
                        current.claimLease(),
                        feeds,
                        feed -> syncAndLook(feed, calendars, current, ignoreBackoff, opened));
    }

    private void pause() {
        try {
            Thread.sleep(sharedPoll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while other nodes finished the shared run", e);
        }
    }

    private Map<CalendarKey, Calendar> calendarsByKey() {
        return catalog.calendars().stream().collect(Collectors.toMap(Calendar::key, Function.identity()));
    }

    /** Syncs one feed in isolation and, if its bookings changed, looks for the double bookings it may have made. */
    private FeedResult syncAndLook(
            Feed feed,
            Map<CalendarKey, Calendar> calendars,
            Options current,
            boolean ignoreBackoff,
            List<DoubleBooking> opened) {
        Calendar calendar = calendars.get(feed.calendar());
        FeedResult result = syncIsolated(feed, calendar, current, ignoreBackoff);
        if (changedBookings(result)) {
            opened.addAll(detector.look(calendar));
        }
        return result;
    }

    private SyncReport completed(Instant started, List<FeedResult> results, List<DoubleBooking> opened) {
        SyncReport report = new SyncReport(started, clock.now(), results, detector.openCount(), List.copyOf(opened));
        log.info("[SyncJob] Synchronization completed {}", report.totalsJson());
        listeners.completed(report);
        return report;
    }

    /** The first eight characters of a run id, enough to tell runs apart in a log. */
    private static String shortId(String runId) {
        return runId.substring(0, Math.min(8, runId.length()));
    }

    /** Whether a feed's apply changed bookings, so that its calendar may have gained or lost a double booking. */
    private static boolean changedBookings(FeedResult result) {
        SyncCounters counters = result.counters();
        return result.outcome() == FeedOutcome.SYNCED
                && counters.created() + counters.updated() + counters.vanished() + counters.deleted() > 0;
    }

    private FeedResult syncIsolated(Feed feed, Calendar calendar, Options current, boolean ignoreBackoff) {
        FeedResult result;
        Instant retryAfter = null;
        try {
            if (calendar == null) {
                throw new IllegalStateException("its calendar " + feed.calendar() + " does not exist");
            }
            result = synchronizer.sync(feed, calendar, current, ignoreBackoff);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof FeedUnavailableException unavailable) {
                retryAfter = unavailable.retryAfter();
            }
            result = FeedResult.failed(feed, Secrets.mask(describe(e)));
        }
        if (result.failed()) {
            log.warn(
                    "[SyncJob] Failed to sync {} {}",
                    feed.name(),
                    "{\"error\":\"" + result.error().replace("\"", "'") + "\"}");
            try {
                catalog.updateFetchState(feed.id(), synchronizer.failed(feed, result.error(), retryAfter));
            } catch (RuntimeException e) {
                log.warn("[SyncJob] Could not record the failure of {}: {}", feed.name(), Secrets.mask(e.toString()));
            }
        } else if (result.outcome() == FeedOutcome.BACKED_OFF) {
            log.info(
                    "[SyncJob] Skipped {} {}",
                    feed.name(),
                    "{\"reason\":\"backed_off\",\"until\":\""
                            + feed.fetchState().backoffUntil() + "\"}");
        } else {
            log.info("[SyncJob] Synced {} {}{}", feed.name(), result.counters().toJson(), details(result));
        }
        return result;
    }

    /** What the seed's "Synced" line adds after the counters: the guard's note and why events were skipped. */
    private static String details(FeedResult result) {
        String details = result.note() == null ? "" : " " + result.note();
        if (!result.skippedReasons().isEmpty()) {
            details += " skipped: " + String.join("; ", result.skippedReasons());
        }
        return details;
    }

    /**
     * Forgets the last claim, so the next request or sync without force starts a run (a lease held stays); this
     * process's request hook notices at its next request.
     */
    @Override
    public void forgetLastClaim() {
        state.forget();
        onForget.run();
    }

    private static String describe(Throwable e) {
        if (e instanceof BokitException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
