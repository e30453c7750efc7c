package io.bokit.core.application;

import io.bokit.core.domain.BokitException;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUnavailableException;
import io.bokit.core.domain.Options;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.Secrets;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.domain.SyncState;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.in.SyncScope;
import io.bokit.core.port.in.SyncUseCase;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncStatePort;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    SyncService(
            FeedCatalogPort catalog,
            SyncStatePort state,
            OptionsPort options,
            ClockPort clock,
            RunSettings settings,
            FeedSynchronizer synchronizer,
            Listeners listeners) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.state = Objects.requireNonNull(state, "state");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.synchronizer = Objects.requireNonNull(synchronizer, "synchronizer");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
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
            return new SyncResult.Completed(run(command.scope(), current));
        } finally {
            state.release(lease.get());
        }
    }

    /** The job the request hook starts once it has claimed an interval: every enabled feed. */
    public SyncJob job() {
        return lease -> run(SyncScope.all(), Options.parse(options.loadAll()));
    }

    private SyncReport run(SyncScope scope, Options current) {
        log.info("[SyncJob] Starting iCal synchronization");
        Instant started = clock.now();
        Map<CalendarKey, Calendar> calendars =
                catalog.calendars().stream().collect(Collectors.toMap(Calendar::key, Function.identity()));
        List<Feed> feeds = catalog.feeds().stream()
                .filter(feed -> feed.enabled() && scope.includes(feed))
                .toList();
        Map<Feed, FeedResult> results = new ConcurrentHashMap<>();
        new HostQueues(settings.parallelHosts())
                .run(feeds, feed -> results.put(feed, syncIsolated(feed, calendars.get(feed.calendar()), current)));
        SyncReport report = new SyncReport(
                started, clock.now(), feeds.stream().map(results::get).toList());
        log.info("[SyncJob] Synchronization completed {}", report.totalsJson());
        listeners.completed(report);
        return report;
    }

    private FeedResult syncIsolated(Feed feed, Calendar calendar, Options current) {
        FeedResult result;
        Instant retryAfter = null;
        try {
            if (calendar == null) {
                throw new IllegalStateException("its calendar " + feed.calendar() + " does not exist");
            }
            result = synchronizer.sync(feed, calendar, current);
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
        } else {
            log.info("[SyncJob] Synced {} {}", feed.name(), result.counters().toJson());
        }
        return result;
    }

    private static String describe(Throwable e) {
        if (e instanceof BokitException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
