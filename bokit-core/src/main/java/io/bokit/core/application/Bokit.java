package io.bokit.core.application;

import io.bokit.core.domain.Backoff;
import io.bokit.core.domain.Options;
import io.bokit.core.port.in.AutoSyncUseCase;
import io.bokit.core.port.in.BookingsUseCase;
import io.bokit.core.port.in.DoubleBookingsUseCase;
import io.bokit.core.port.in.ExportLinksUseCase;
import io.bokit.core.port.in.ExportUseCase;
import io.bokit.core.port.in.FeedsUseCase;
import io.bokit.core.port.in.LocalBookingsUseCase;
import io.bokit.core.port.in.OptionsUseCase;
import io.bokit.core.port.in.StatusUseCase;
import io.bokit.core.port.in.SyncUseCase;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.DoubleBookingsPort;
import io.bokit.core.port.out.ExportLinksPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.HostReservationsPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SharedRunPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.core.port.out.SyncStatePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The assembled core: every use case wired over the ports an adapter provides. Adapters (Spring,
 * Micronaut, the CLI) only build this and expose its use cases.
 *
 * <pre>{@code
 * Bokit bokit = Bokit.builder()
 *         .options(optionsPort).syncState(syncStatePort).catalog(catalogPort).bookings(bookingStorePort)
 *         .fetcher(feedPort)
 *         .runExecutor(afterResponseExecutor)
 *         .build();
 * bokit.autoSync().onRequest(); // in a request filter
 * }</pre>
 */
public final class Bokit {
    private final SyncService sync;
    private final AutoSyncService autoSync;
    private final OptionsService options;
    private final FeedsService feeds;
    private final BookingsService bookings;
    private final StatusService status;
    private final ExportService export;
    private final ExportLinksService exportLinks;
    private final LocalBookingsService localBookings;
    private final DoubleBookingsService doubleBookings;
    private final LastReport lastReport = new LastReport();
    private final ClockPort clock;

    /** How often the opener of a shared run looks again while other nodes finish it: one second. */
    public static final Duration DEFAULT_SHARED_RUN_POLL = Duration.ofSeconds(1);

    private Bokit(Builder b) {
        List<SyncListener> all = new ArrayList<>();
        all.add(lastReport); // first, so the host's listeners already see this run as the last one
        all.addAll(b.listeners);
        Listeners listeners = new Listeners(all);
        // the echo rule's lag: a channel's copy made just before a change reaches bokit at the next sync
        Supplier<Duration> copyLag = () -> Options.parse(b.options.loadAll()).syncInterval();
        DoubleBookingDetector detector =
                new DoubleBookingDetector(b.doubleBookings, b.bookings, b.catalog, b.clock, listeners, copyLag);
        FeedSynchronizer synchronizer = new FeedSynchronizer(
                b.catalog, b.bookings, b.fetcher, b.parser, b.clock, listeners, b.backoff, b.jitter);
        this.sync = new SyncService(
                b.catalog,
                b.syncState,
                b.options,
                b.clock,
                b.settings,
                synchronizer,
                listeners,
                detector,
                this::claimForgotten,
                b.sharedRuns,
                b.sharedRunPoll);
        this.autoSync = b.sharedRuns == null
                ? new AutoSyncService(
                        b.options, b.syncState, b.clock, sync.job(), b.settings, b.checkExecutor, b.runExecutor)
                : new AutoSyncService(
                        b.options,
                        b.syncState,
                        b.clock,
                        sync.job(),
                        b.settings,
                        b.checkExecutor,
                        b.runExecutor,
                        sync::joinOpenRun);
        this.options = new OptionsService(b.options, autoSync::refreshSoon);
        this.feeds = new FeedsService(b.catalog, b.options);
        this.bookings = new BookingsService(b.bookings);
        this.status = new StatusService(b.options, b.syncState, b.catalog, b.clock);
        this.export = new ExportService(b.catalog, b.bookings, b.hostReservations, b.clock, copyLag);
        this.exportLinks =
                new ExportLinksService(b.catalog, b.exportLinks == null ? new NoExportLinks() : b.exportLinks, b.clock);
        this.localBookings = new LocalBookingsService(
                b.catalog, b.bookings, b.clock, LocalBookingsService.randomReferences(), calendar -> {
                    if (detector.enabled()) {
                        b.catalog.findCalendar(calendar).ifPresent(detector::look);
                    }
                });
        this.doubleBookings = new DoubleBookingsService(b.doubleBookings);
        this.clock = b.clock;
    }

    /** After {@code forgetLastClaim}: this process's request hook reads the sync state at its next request. */
    private void claimForgotten() {
        autoSync.refreshSoon();
    }

    /** A builder; every port is required, the rest has defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Run a sync now. */
    public SyncUseCase sync() {
        return sync;
    }

    /** The request hook. */
    public AutoSyncUseCase autoSync() {
        return autoSync;
    }

    /** Read and write options (writes make the hook re-read them on the next request). */
    public OptionsUseCase options() {
        return options;
    }

    /** Manage calendars and feeds. */
    public FeedsUseCase feeds() {
        return feeds;
    }

    /** Read bookings and history. */
    public BookingsUseCase bookings() {
        return bookings;
    }

    /** Build a calendar's iCal export, for one channel's feed or for none. */
    public ExportUseCase export() {
        return export;
    }

    /** Add, list, rotate and remove the served exports and their secret tokens. */
    public ExportLinksUseCase exportLinks() {
        return exportLinks;
    }

    /** Add, change and cancel the host's own (local) bookings, which every export sends too. */
    public LocalBookingsUseCase localBookings() {
        return localBookings;
    }

    /** The double-booking records, open and recent (none when the core was built without a port for them). */
    public DoubleBookingsUseCase doubleBookings() {
        return doubleBookings;
    }

    /** The sync status. */
    public StatusUseCase status() {
        return status;
    }

    /** The last finished run's report in this process. */
    public java.util.Optional<io.bokit.core.domain.SyncReport> lastReport() {
        return lastReport.get();
    }

    /** The health of syncing now, by {@link SyncHealth}'s rules; reads the open double bookings from their port. */
    public SyncHealth health() {
        return SyncHealth.assess(
                status.status(),
                lastReport.get().orElse(null),
                clock.now(),
                doubleBookings.open(null).size());
    }

    /** Collects the ports and settings of a {@link Bokit}. Not thread-safe; build once. */
    public static final class Builder {
        private OptionsPort options;
        private SyncStatePort syncState;
        private FeedCatalogPort catalog;
        private BookingStorePort bookings;
        private ExportLinksPort exportLinks;
        private ICalFeedPort fetcher;
        private HostReservationsPort hostReservations = HostReservationsPort.none();
        private DoubleBookingsPort doubleBookings = DoubleBookingsPort.none();
        private FeedParser parser = FeedParser.ical();
        private ClockPort clock = ClockPort.system();
        private RunSettings settings = RunSettings.defaults();
        private Executor checkExecutor = Runnable::run;
        private Executor runExecutor;
        private final List<SyncListener> listeners = new ArrayList<>();
        private Backoff backoff = Backoff.DEFAULT;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private SharedRunPort sharedRuns;
        private Duration sharedRunPoll = DEFAULT_SHARED_RUN_POLL;

        private Builder() {}

        /** Where options live (required). */
        public Builder options(OptionsPort value) {
            this.options = value;
            return this;
        }

        /** Where the interval is claimed and the lease held (required). */
        public Builder syncState(SyncStatePort value) {
            this.syncState = value;
            return this;
        }

        /** Where calendars and feeds live (required). */
        public Builder catalog(FeedCatalogPort value) {
            this.catalog = value;
            return this;
        }

        /** Where bookings and history live (required). */
        public Builder bookings(BookingStorePort value) {
            this.bookings = value;
            return this;
        }

        /** Where the served exports live; without one, {@link Bokit#exportLinks()} refuses every call. */
        public Builder exportLinks(ExportLinksPort value) {
            this.exportLinks = value;
            return this;
        }

        /** What fetches feeds (required). */
        public Builder fetcher(ICalFeedPort value) {
            this.fetcher = value;
            return this;
        }

        /**
         * Where the host keeps reservations of its own (its website's tables), which every export then sends too;
         * none by default. bokit only reads them.
         */
        public Builder hostReservations(HostReservationsPort value) {
            this.hostReservations = value;
            return this;
        }

        /**
         * Where double-booking records are kept; {@link DoubleBookingsPort#none()} by default, which keeps none and
         * turns detection off.
         */
        public Builder doubleBookings(DoubleBookingsPort value) {
            this.doubleBookings = value;
            return this;
        }

        /** What parses feed bodies; {@link FeedParser#ical()} by default. */
        public Builder parser(FeedParser value) {
            this.parser = value;
            return this;
        }

        /** The clock; the system clock by default. */
        public Builder clock(ClockPort value) {
            this.clock = value;
            return this;
        }

        /**
         * Lets runs be shared with other nodes through this port (they are when the option {@code sync.shared_runs}
         * is true): the node that wins the interval opens a run, and every node whose request hook sees it open
         * (or {@code bokit-cli sync --join}) claims and syncs some of its feeds. Without it, every run is this
         * node's alone.
         */
        public Builder sharedRuns(SharedRunPort value) {
            this.sharedRuns = Objects.requireNonNull(value, "sharedRuns");
            return this;
        }

        /**
         * How often the node that opened a shared run looks again while other nodes still hold some of its feeds
         * (default 1 s).
         */
        public Builder sharedRunPoll(Duration value) {
            Objects.requireNonNull(value, "sharedRunPoll");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("The shared run poll must be positive, not " + value);
            }
            this.sharedRunPoll = value;
            return this;
        }

        /** Owner, lease and refresh period; {@link RunSettings#defaults()} by default. */
        public Builder settings(RunSettings value) {
            this.settings = value;
            return this;
        }

        /** Where the hook's check runs; the request thread by default ({@code Runnable::run}). */
        public Builder checkExecutor(Executor value) {
            this.checkExecutor = value;
            return this;
        }

        /** Where the sync runs after the response (required): an adapter's bounded executor. */
        public Builder runExecutor(Executor value) {
            this.runExecutor = value;
            return this;
        }

        /** How long failing feeds rest; {@link Backoff#DEFAULT} by default. */
        public Builder backoff(Backoff value) {
            this.backoff = value;
            return this;
        }

        /** The random numbers in [0, 1) that spread back-offs; tests pass a constant. */
        public Builder jitter(DoubleSupplier value) {
            this.jitter = value;
            return this;
        }

        /** Adds a listener called on booking changes and finished runs. */
        public Builder listener(SyncListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Builds the core.
         *
         * @throws NullPointerException naming the first required part that is missing
         */
        public Bokit build() {
            Objects.requireNonNull(options, "options port is required");
            Objects.requireNonNull(syncState, "sync state port is required");
            Objects.requireNonNull(catalog, "feed catalog port is required");
            Objects.requireNonNull(bookings, "booking store port is required");
            Objects.requireNonNull(fetcher, "feed fetcher port is required");
            Objects.requireNonNull(parser, "feed parser is required");
            Objects.requireNonNull(hostReservations, "host reservations port must not be null");
            Objects.requireNonNull(doubleBookings, "double bookings port must not be null");
            Objects.requireNonNull(clock, "clock is required");
            Objects.requireNonNull(settings, "run settings are required");
            Objects.requireNonNull(checkExecutor, "check executor is required");
            Objects.requireNonNull(runExecutor, "run executor is required");
            Objects.requireNonNull(backoff, "backoff is required");
            Objects.requireNonNull(jitter, "jitter is required");
            return new Bokit(this);
        }
    }
}
