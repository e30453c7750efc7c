package io.bokit.host;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.SyncHealth;
import io.bokit.core.domain.Secrets;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.DoubleBookingsPort;
import io.bokit.core.port.out.ExportLinksPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.HostReservationsPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.host.dashboard.Dashboard;
import io.bokit.host.dashboard.DashboardGuard;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.jdbc.BokitJdbc;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * bokit embedded in a host application: the stores over the host's {@link DataSource}, the HTTP
 * fetcher, bokit's bounded executor and the assembled {@link Bokit}, wired from {@link BokitSettings}
 * with the declared calendars and feeds registered. Every port can be replaced. The Spring and
 * Micronaut adapters, the Servlet filter and the CLI all start bokit through this one builder.
 *
 * <pre>{@code
 * BokitHost host = BokitHost.builder(BokitSettings.defaults()).dataSource(dataSource).build();
 * host.trigger().afterResponse(request.getRequestURI()); // after each response
 * host.close();                                          // when the application stops
 * }</pre>
 */
public final class BokitHost implements AutoCloseable {
    /** The message when no DataSource is available and some store port is not given. */
    public static final String NO_DATA_SOURCE = "bokit needs a javax.sql.DataSource and the application has none: "
            + "add a JDBC driver (e.g. com.h2database:h2) and configure a DataSource, or set "
            + "bokit.enabled=false";

    private final BokitSettings settings;
    private final Bokit bokit;
    private final SyncExecutor ownExecutor;
    private final RequestTrigger trigger;
    private final BokitManagement management;
    private final ExportServer exports;
    private final Dashboard dashboard;

    private BokitHost(
            BokitSettings settings,
            Bokit bokit,
            SyncExecutor ownExecutor,
            ClockPort clock,
            ExportServer.Versions exportVersions,
            UnaryOperator<Runnable> runDecorator,
            DashboardGuard dashboardGuard) {
        this.settings = settings;
        this.bokit = bokit;
        this.ownExecutor = ownExecutor;
        this.trigger = new RequestTrigger(
                bokit.autoSync(),
                settings.excludedPaths(),
                PathPatterns.of(ownPaths(settings)),
                settings.triggerEnabled());
        this.management = new BokitManagement(bokit, runDecorator);
        this.dashboard =
                settings.dashboardEnabled() ? new Dashboard(bokit, management, settings, dashboardGuard, clock) : null;
        this.exports = new ExportServer(
                bokit.exportLinks(),
                bokit.export(),
                clock,
                exportVersions,
                settings.exportPath(),
                settings.exportEnabled());
    }

    /** bokit's own paths, which never trigger whatever the excluded paths say: the exports' and the page's. */
    private static List<String> ownPaths(BokitSettings settings) {
        List<String> paths = new ArrayList<>();
        if (settings.exportEnabled()) {
            paths.add(settings.exportPath() + "/**");
        }
        if (settings.dashboardEnabled()) {
            paths.add(settings.dashboardPath() + "/**");
        }
        return paths;
    }

    /** A builder over these settings. */
    public static Builder builder(BokitSettings settings) {
        return new Builder(settings);
    }

    /** The assembled core: every use case. */
    public Bokit bokit() {
        return bokit;
    }

    /** The settings this host was built with. */
    public BokitSettings settings() {
        return settings;
    }

    /** The after-response trigger, for the host's request filter. */
    public RequestTrigger trigger() {
        return trigger;
    }

    /** The management operations (status, sync now, set an option), for the host's endpoint. */
    public BokitManagement management() {
        return management;
    }

    /** The export server ({@code bokit.export.*}), for the host's {@code <path>/<token>.ics} route. */
    public ExportServer exports() {
        return exports;
    }

    /** The operator's page ({@code bokit.dashboard.*}), or empty when {@code bokit.dashboard.enabled} is false. */
    public Optional<Dashboard> dashboard() {
        return Optional.ofNullable(dashboard);
    }

    /**
     * The health by {@link SyncHealth}'s rules (up, degraded while double bookings are open, down), with the reason
     * masked; a store that cannot be read is down, with the error as the reason. Never throws; reads the store.
     */
    public SyncHealth health() {
        try {
            SyncHealth health = bokit.health();
            return health.withReason(Secrets.mask(health.reason()));
        } catch (RuntimeException e) {
            return new SyncHealth(false, Secrets.mask(e.toString()));
        }
    }

    /** Stops bokit's own executor (waiting up to its shutdown timeout); an executor given to the builder is left alone. */
    @Override
    public void close() {
        if (ownExecutor != null) {
            ownExecutor.close();
        }
    }

    /** Collects the host's parts; only a DataSource (or all four stores) is needed. Not thread-safe; build once. */
    public static final class Builder {
        private final BokitSettings settings;
        private Supplier<DataSource> dataSource = () -> null;
        private ClockPort clock;
        private OptionsPort options;
        private SyncStatePort syncState;
        private FeedCatalogPort catalog;
        private BookingStorePort bookings;
        private ExportLinksPort exportLinks;
        private ICalFeedPort fetcher;
        private HostReservationsPort hostReservations;
        private DoubleBookingsPort doubleBookings;
        private Executor executor;
        private DashboardGuard dashboardGuard;
        private final List<SyncListener> listeners = new ArrayList<>();
        private final List<Consumer<Bokit.Builder>> customizers = new ArrayList<>();
        private final List<UnaryOperator<ICalFeedPort>> fetcherDecorators = new ArrayList<>();
        private final List<UnaryOperator<Runnable>> runDecorators = new ArrayList<>();

        private Builder(BokitSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** The host's DataSource, for the stores that are not given. */
        public Builder dataSource(DataSource value) {
            Objects.requireNonNull(value, "dataSource");
            this.dataSource = () -> value;
            return this;
        }

        /** Where to find the host's DataSource, asked only when some store is not given; may supply null. */
        public Builder dataSource(Supplier<DataSource> value) {
            this.dataSource = Objects.requireNonNull(value, "dataSource");
            return this;
        }

        /** The clock; the system clock when not given. */
        public Builder clock(ClockPort value) {
            this.clock = value;
            return this;
        }

        /** The options store; the JDBC one when not given. */
        public Builder options(OptionsPort value) {
            this.options = value;
            return this;
        }

        /** The sync state store; the JDBC one when not given. */
        public Builder syncState(SyncStatePort value) {
            this.syncState = value;
            return this;
        }

        /** The feed catalog; the JDBC one when not given. */
        public Builder catalog(FeedCatalogPort value) {
            this.catalog = value;
            return this;
        }

        /** The booking store; the JDBC one when not given. */
        public Builder bookings(BookingStorePort value) {
            this.bookings = value;
            return this;
        }

        /**
         * The store of the served exports; when not given, the JDBC one, or none (no export can be added) when
         * every other store is given.
         */
        public Builder exportLinks(ExportLinksPort value) {
            this.exportLinks = value;
            return this;
        }

        /** The feed fetcher; the HTTP fetcher from the {@code bokit.http.*} settings when not given. */
        public Builder fetcher(ICalFeedPort value) {
            this.fetcher = value;
            return this;
        }

        /** The host's own reservations, kept in its own tables, to export beside the bookings; none when not given. */
        public Builder hostReservations(HostReservationsPort value) {
            this.hostReservations = value;
            return this;
        }

        /**
         * Where double-booking records are kept; the JDBC one when not given and bokit opens its own stores, else none
         * (detection off).
         */
        public Builder doubleBookings(DoubleBookingsPort value) {
            this.doubleBookings = value;
            return this;
        }

        /**
         * Where the hook's check and the sync run; when not given, bokit's own bounded pool from the
         * {@code bokit.executor.*} settings, closed with the host. A given executor is never closed.
         */
        public Builder executor(Executor value) {
            this.executor = value;
            return this;
        }

        /**
         * Who may see the operator's page; required when {@code bokit.dashboard.enabled} is true (the build fails
         * without one), unused otherwise.
         */
        public Builder dashboardGuard(DashboardGuard value) {
            this.dashboardGuard = value;
            return this;
        }

        /** Adds a listener of booking changes and finished runs. */
        public Builder listener(SyncListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Adds a wrapper around the feed fetcher (the given one or the HTTP one), e.g. to observe every fetch
         * ({@code io.bokit.host.micrometer.BokitObservations}); wrappers apply in the order added.
         */
        public Builder fetcherDecorator(UnaryOperator<ICalFeedPort> value) {
            this.fetcherDecorators.add(Objects.requireNonNull(value, "fetcherDecorator"));
            return this;
        }

        /**
         * Adds a wrapper around every sync run this host starts (the request hook's, on the executor, and the
         * management's sync now, on the caller's thread), e.g. to observe it; wrappers apply in the order added.
         */
        public Builder runDecorator(UnaryOperator<Runnable> value) {
            this.runDecorators.add(Objects.requireNonNull(value, "runDecorator"));
            return this;
        }

        /** Adds a last say on the core's builder (parser, back-off …), run after every port is set. */
        public Builder customizer(Consumer<Bokit.Builder> value) {
            this.customizers.add(Objects.requireNonNull(value, "customizer"));
            return this;
        }

        /**
         * Builds the host: opens (and, by {@code bokit.schema.initialize}, creates) the stores, assembles
         * the core and registers the declared calendars and feeds.
         *
         * @throws BokitConfigurationException when no DataSource is available for a store that is not given, or the
         *     page is enabled without a guard
         * @throws io.bokit.core.domain.StorageException when the database cannot be used
         */
        public BokitHost build() {
            if (settings.dashboardEnabled() && dashboardGuard == null) {
                throw new BokitConfigurationException(BokitSettings.DASHBOARD_ENABLED, Dashboard.NO_GUARD);
            }
            ClockPort clockPort = clock == null ? ClockPort.system() : clock;
            BokitJdbc jdbc =
                    options == null || syncState == null || catalog == null || bookings == null ? jdbc() : null;
            SyncExecutor own = executor == null
                    ? new SyncExecutor(
                            settings.executorThreads(),
                            settings.executorQueueCapacity(),
                            settings.executorShutdownTimeout(),
                            settings.executorVirtualThreads())
                    : null;
            Executor runOn = own == null ? executor : own.asExecutor();
            ExportServer.Versions exportVersions = new ExportServer.Versions();
            UnaryOperator<Runnable> decorateRun = task -> {
                Runnable decorated = task;
                for (UnaryOperator<Runnable> decorator : runDecorators) {
                    decorated = decorator.apply(decorated);
                }
                return decorated;
            };
            Executor runs = runDecorators.isEmpty() ? runOn : task -> runOn.execute(decorateRun.apply(task));
            ICalFeedPort fetchWith = fetcher;
            try {
                if (fetchWith == null) {
                    fetchWith = new HttpFeedFetcher(settings.httpFetchSettings(clockPort));
                }
                for (UnaryOperator<ICalFeedPort> decorator : fetcherDecorators) {
                    fetchWith = decorator.apply(fetchWith);
                }
                Bokit.Builder core = Bokit.builder()
                        .options(options != null ? options : jdbc.options())
                        .syncState(syncState != null ? syncState : jdbc.syncState())
                        .catalog(catalog != null ? catalog : jdbc.feedCatalog())
                        .bookings(new InvalidatingBookingStore(
                                bookings != null ? bookings : jdbc.bookingStore(), exportVersions))
                        .exportLinks(exportLinks != null ? exportLinks : jdbc == null ? null : jdbc.exportLinks())
                        .fetcher(fetchWith)
                        .clock(clockPort)
                        .settings(settings.run())
                        .checkExecutor(runOn)
                        .runExecutor(runs);
                core.listener(exportVersions);
                if (hostReservations != null) {
                    core.hostReservations(hostReservations);
                }
                if (jdbc != null) {
                    core.sharedRuns(jdbc.sharedRuns()); // used when the stored option sync.shared_runs is true
                }
                if (doubleBookings != null) {
                    core.doubleBookings(doubleBookings);
                } else if (jdbc != null) {
                    core.doubleBookings(jdbc.doubleBookings());
                }
                listeners.forEach(core::listener);
                customizers.forEach(customizer -> customizer.accept(core));
                Bokit bokit = core.build();
                StartupRegistration.apply(bokit, settings);
                return new BokitHost(settings, bokit, own, clockPort, exportVersions, decorateRun, dashboardGuard);
            } catch (RuntimeException e) {
                if (own != null) {
                    own.close();
                }
                throw e;
            }
        }

        private BokitJdbc jdbc() {
            DataSource found = dataSource.get();
            if (found == null) {
                throw BokitConfigurationException.of(NO_DATA_SOURCE);
            }
            return BokitJdbc.builder(found)
                    .tablePrefix(settings.tablePrefix())
                    .initialize(settings.schemaInitialize())
                    .dbTime(settings.dbTime())
                    .maxConnections(settings.databaseMaxConnections())
                    .build();
        }
    }
}
