package io.bokit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.HostReservation;
import io.bokit.core.port.out.HostReservationsPort;
import io.bokit.host.BokitConfigurationException;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.micrometer.BokitMetrics;
import io.bokit.jdbc.InitializeMode;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BokitContextTest {
    private static final String URL = "https://www.airbnb.com/calendar/ical/1.ics?t=SECRET";

    @Test
    void defaultsWireTheHostTheCoreTheTriggerTheEndpointAndTheHealthIndicator() {
        try (ApplicationContext context = TestApp.withDatabase().run()) {
            assertThat(context.containsBean(BokitHost.class)).isTrue();
            assertThat(context.containsBean(Bokit.class)).isTrue();
            assertThat(context.containsBean(BokitTriggerFilter.class)).isTrue();
            assertThat(context.containsBean(BokitEndpoint.class)).isTrue();
            assertThat(context.containsBean(BokitHealthIndicator.class)).isTrue();
            assertThat(context.containsBean(BokitMetrics.class)).isFalse(); // no MeterRegistry

            BokitHost host = context.getBean(BokitHost.class);
            assertThat(context.getBean(Bokit.class)).isSameAs(host.bokit());
            BokitSettings settings = host.settings();
            BokitSettings defaults = BokitSettings.defaults();
            assertThat(settings.run().leaseFor()).isEqualTo(BokitSettings.DEFAULT_LEASE_DURATION);
            assertThat(settings.run().refreshPeriod()).isEqualTo(BokitSettings.DEFAULT_REFRESH_PERIOD);
            assertThat(settings.run().parallelHosts()).isEqualTo(BokitSettings.DEFAULT_PARALLEL_HOSTS);
            assertThat(settings.dbTime()).isTrue();
            assertThat(settings.defaultInterval()).isNull();
            assertThat(settings.installComplete()).isNull();
            assertThat(settings.triggerEnabled()).isTrue();
            assertThat(settings.schemaInitialize()).isEqualTo(InitializeMode.EMBEDDED);
            assertThat(settings.tablePrefix()).isEqualTo(BokitSettings.DEFAULT_TABLE_PREFIX);
            assertThat(settings.databaseMaxConnections()).isEqualTo(BokitSettings.DEFAULT_DATABASE_MAX_CONNECTIONS);
            assertThat(settings.executorThreads()).isEqualTo(BokitSettings.DEFAULT_EXECUTOR_THREADS);
            assertThat(settings.executorQueueCapacity()).isEqualTo(BokitSettings.DEFAULT_EXECUTOR_QUEUE_CAPACITY);
            assertThat(settings.executorShutdownTimeout()).isEqualTo(BokitSettings.DEFAULT_EXECUTOR_SHUTDOWN_TIMEOUT);
            assertThat(settings.excludedPaths().patterns()).isEqualTo(BokitSettings.DEFAULT_EXCLUDED_PATHS);
            ClockPort clock = ClockPort.system();
            assertThat(settings.httpFetchSettings(clock)).isEqualTo(defaults.httpFetchSettings(clock));

            Bokit bokit = host.bokit();
            assertThat(bokit.options().get("sync.interval").isDefault()).isTrue(); // the schema is there
            assertThat(bokit.options().current().installComplete()).isFalse();
            assertThat(bokit.feeds().calendars()).isEmpty();
        }
    }

    @Test
    void disabledRemovesEveryBokitBean() {
        try (ApplicationContext context =
                TestApp.withDatabase().with("bokit.enabled", false).run()) {
            assertThat(context.containsBean(BokitHost.class)).isFalse();
            assertThat(context.containsBean(Bokit.class)).isFalse();
            assertThat(context.containsBean(BokitTriggerFilter.class)).isFalse();
            assertThat(context.containsBean(BokitEndpoint.class)).isFalse();
            assertThat(context.containsBean(BokitHealthIndicator.class)).isFalse();
        }
    }

    @Test
    void disabledNeedsNoDataSource() {
        try (ApplicationContext context =
                TestApp.withoutDatabase().with("bokit.enabled", false).run()) {
            assertThat(context.containsBean(Bokit.class)).isFalse();
        }
    }

    @Test
    void triggerOffKeepsTheCoreButNotTheFilter() {
        try (ApplicationContext context =
                TestApp.withDatabase().with("bokit.trigger.enabled", false).run()) {
            assertThat(context.containsBean(Bokit.class)).isTrue();
            assertThat(context.containsBean(BokitTriggerFilter.class)).isFalse();
            assertThat(context.getBean(BokitHost.class).trigger().enabled()).isFalse();
        }
    }

    @Test
    void missingDataSourceFailsTheStartupWithTheHostsMessage() {
        assertThatThrownBy(() -> TestApp.withoutDatabase().run().close())
                .hasRootCauseInstanceOf(BokitConfigurationException.class)
                .hasRootCauseMessage(BokitHost.NO_DATA_SOURCE);
    }

    @Test
    void everyStorePortBeanReplacesTheJdbcOneSoNoDataSourceIsNeeded() {
        InMemoryOptions options = new InMemoryOptions();
        InMemorySyncState syncState = new InMemorySyncState();
        InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
        InMemoryBookingStore bookings = new InMemoryBookingStore();
        InMemoryFeedSource fetcher = new InMemoryFeedSource();
        MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");
        fetcher.serve(
                FeedUrl.parse(URL),
                ICalFeedBuilder.airbnb()
                        .reserved("b1", LocalDate.parse("2026-06-10"), LocalDate.parse("2026-06-12"))
                        .build());

        try (ApplicationContext context = TestApp.withoutDatabase()
                .with("bokit.install-complete", true)
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", URL)
                .withBean(options)
                .withBean(syncState)
                .withBean(catalog)
                .withBean(bookings)
                .withBean(fetcher)
                .withBean(clock)
                .run()) {
            SyncResult result = context.getBean(Bokit.class).sync().sync(SyncCommand.forceAll());

            assertThat(result).isInstanceOf(SyncResult.Completed.class);
            assertThat(options.loadAll()).containsEntry("install.complete", "true");
            assertThat(catalog.feeds())
                    .singleElement()
                    .satisfies(feed -> assertThat(feed.id().value()).isEqualTo("seaview-airbnb"));
            assertThat(bookings.find(io.bokit.core.domain.BookingQuery.all())).hasSize(1);
            syncState.claimInterval(Duration.ofHours(1), "elsewhere", Duration.ofMinutes(1), clock.now());
            assertThat(context.getBean(Bokit.class).status().status().lastClaim())
                    .isEqualTo(clock.now());
        }
    }

    @Test
    void aHostReservationsBeanIsExported() {
        HostReservationsPort website = new HostReservationsPort() {
            @Override
            public java.util.List<HostReservation> reservations(
                    io.bokit.core.domain.CalendarKey calendar, LocalDate from, LocalDate to) {
                return java.util.List.of(HostReservation.stay(
                        "web-17", LocalDate.parse("2027-02-01"), LocalDate.parse("2027-02-04"), null));
            }
        };

        try (ApplicationContext context = TestApp.withDatabase()
                .with("bokit.calendars.seaview.name", "Sea View")
                .withBean(website)
                .run()) {
            String body = context.getBean(Bokit.class)
                    .export()
                    .export(io.bokit.core.port.in.ExportCommand.of(io.bokit.core.domain.CalendarKey.of("seaview")))
                    .body();

            assertThat(body).contains("DTSTART;VALUE=DATE:20270201");
        }
    }

    @Test
    void theDoubleBookingGaugeReadsTheOpenRecordsBeforeAnyRun() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ApplicationContext context =
                TestApp.withDatabase().withBean(registry).run()) {
            // a record another node opened, or one from before this process started
            io.bokit.jdbc.BokitJdbc.builder(context.getBean(javax.sql.DataSource.class))
                    .build()
                    .doubleBookings()
                    .open(
                            new io.bokit.core.domain.Overlap(
                                    io.bokit.core.domain.CalendarKey.of("seaview"),
                                    new io.bokit.core.domain.BookingRef(
                                            io.bokit.core.domain.FeedId.of("seaview-airbnb"),
                                            io.bokit.core.domain.BookingKey.of("a1")),
                                    new io.bokit.core.domain.BookingRef(
                                            io.bokit.core.domain.FeedId.of("seaview-booking"),
                                            io.bokit.core.domain.BookingKey.of("b1")),
                                    LocalDate.parse("2027-01-05"),
                                    LocalDate.parse("2027-01-07")),
                            java.time.Instant.parse("2026-12-01T10:00:00Z"));

            assertThat(registry.get(BokitMetrics.DOUBLE_BOOKINGS_OPEN).gauge().value())
                    .isEqualTo(1);
        }
    }

    @Test
    void metricsAppearWithAMeterRegistryAsAListener() {
        try (ApplicationContext context =
                TestApp.withDatabase().withBean(new SimpleMeterRegistry()).run()) {
            assertThat(context.containsBean(BokitMetrics.class)).isTrue();
        }
    }

    @Test
    void theTriggerSkipsTheHostsDefaultExcludedPaths() {
        try (ApplicationContext context = TestApp.withDatabase().run()) {
            BokitHost host = context.getBean(BokitHost.class);
            assertThat(host.trigger().excludes("/health")).isTrue();
            assertThat(host.trigger().excludes("/health/liveness")).isTrue();
            assertThat(host.trigger().excludes("/bokit")).isTrue();
            assertThat(host.trigger().excludes("/static/app.css")).isTrue();
            assertThat(host.trigger().excludes("/favicon.ico")).isTrue();
            assertThat(host.trigger().excludes("/error")).isTrue();
            assertThat(host.trigger().excludes("/")).isFalse();
            assertThat(host.trigger().excludes("/bookings")).isFalse();
            assertThat(host.trigger().excludes("/healthy-food")).isFalse();
        }
    }
}
