package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.StorageException;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.HostReservation;
import io.bokit.core.port.out.HostReservationsPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.host.BokitConfigurationException;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.micrometer.BokitMetrics;
import io.bokit.host.servlet.BokitServletFilter;
import io.bokit.http.HttpFetchSettings;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.LogCapture;
import io.bokit.testkit.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

class BokitAutoConfigurationTest {
    private static final AutoConfigurations BOKIT = AutoConfigurations.of(
            DataSourceAutoConfiguration.class,
            BokitAutoConfiguration.class,
            BokitActuatorAutoConfiguration.class,
            BokitMetricsAutoConfiguration.class);
    private static final FeedUrl FEED_URL = FeedUrl.parse("https://www.airbnb.com/calendar/ical/42.ics?s=secret");

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(BOKIT).withPropertyValues(database());

    private static String database() {
        return "spring.datasource.url=jdbc:h2:mem:ctx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void defaultsBuildBokitOverTheApplicationsDataSource() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(BokitHost.class);
            assertThat(context).hasSingleBean(Bokit.class);
            BokitHost host = context.getBean(BokitHost.class);
            assertThat(context.getBean(Bokit.class)).isSameAs(host.bokit());
            RunSettings settings = host.settings().run();
            assertThat(settings.leaseFor()).isEqualTo(Duration.ofMinutes(15));
            assertThat(settings.refreshPeriod()).isEqualTo(Duration.ofSeconds(60));
            HttpFetchSettings http = host.settings().httpFetchSettings(ClockPort.system());
            assertThat(http.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(http.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(http.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
            assertThat(http.allowedAddresses()).isEmpty();

            assertThat(settings.parallelHosts()).isEqualTo(4);
            assertThat(host.settings().dbTime()).isTrue();
            assertThat(host.settings().excludedPaths().patterns())
                    .isEqualTo(BokitSettings.DEFAULT_EXCLUDED_PATHS)
                    .contains("/actuator/**", "/health/**");
            assertThat(host.settings().executorThreads()).isEqualTo(2);
            assertThat(host.settings().executorQueueCapacity()).isEqualTo(8);

            // default-interval and install-complete are unset: nothing is stored, the options' defaults apply
            Bokit bokit = context.getBean(Bokit.class);
            assertThat(bokit.options().get("sync.interval").value()).isEqualTo("3600");
            assertThat(bokit.options().get("sync.interval").isDefault()).isTrue();
            assertThat(bokit.options().get("install.complete").value()).isEqualTo("false");
            assertThat(bokit.options().get("install.complete").isDefault()).isTrue();
            assertThat(bokit.feeds().calendars()).isEmpty();
            // not a web application: no trigger filter
            assertThat(context).doesNotHaveBean("bokitTriggerFilter");
        });
    }

    @Test
    void aServletApplicationGetsTheHostsServletFilterForRequestsOnlyOutermost() {
        new WebApplicationContextRunner()
                .withConfiguration(BOKIT)
                .withPropertyValues(database())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    FilterRegistrationBean<?> registration =
                            context.getBean("bokitTriggerFilter", FilterRegistrationBean.class);
                    assertThat(registration.getFilter()).isInstanceOf(BokitServletFilter.class);
                    assertThat(registration.getFilterName()).isEqualTo("bokitTriggerFilter");
                    assertThat(registration.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
                    assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 10);
                });
    }

    @Test
    void anExcludedPathWithATemplateVariableFailsTheStartupNamingThePattern() {
        new WebApplicationContextRunner()
                .withConfiguration(BOKIT)
                .withPropertyValues(database(), "bokit.trigger.excluded-paths=/actuator/**,/users/{id}")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("Invalid bokit.trigger.excluded-paths")
                            .hasStackTraceContaining("Path pattern /users/{id}")
                            .hasStackTraceContaining("not supported");
                });
    }

    @Test
    void theTriggerCanBeTurnedOff() {
        new WebApplicationContextRunner()
                .withConfiguration(BOKIT)
                .withPropertyValues(database(), "bokit.trigger.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(Bokit.class);
                    assertThat(context).doesNotHaveBean("bokitTriggerFilter");
                });
    }

    @Test
    void propertiesReachTheBuilders() {
        runner.withPropertyValues(
                        "bokit.lease-duration=5m",
                        "bokit.refresh-period=100ms",
                        "bokit.parallel-hosts=7",
                        "bokit.default-interval=10m",
                        "bokit.install-complete=true",
                        "bokit.schema.table-prefix=shop_bokit_",
                        "bokit.http.connect-timeout=2s",
                        "bokit.http.max-body-size=1MB",
                        "bokit.http.user-agent=my-app/1.0",
                        "bokit.http.allowed-private-addresses=10.1.2.0/24,127.0.0.1/32",
                        "bokit.http.request-timeout=3s",
                        "bokit.executor.threads=3",
                        "bokit.executor.queue-capacity=20",
                        "bokit.executor.shutdown-timeout=5s",
                        "bokit.trigger.excluded-paths=/admin/**",
                        "bokit.database.max-connections=3",
                        "bokit.db-time=false")
                .run(context -> {
                    BokitSettings bokitSettings =
                            context.getBean(BokitHost.class).settings();
                    RunSettings settings = bokitSettings.run();
                    assertThat(settings.leaseFor()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(settings.refreshPeriod()).isEqualTo(Duration.ofMillis(100));
                    assertThat(settings.parallelHosts()).isEqualTo(7);
                    assertThat(bokitSettings.executorThreads()).isEqualTo(3);
                    assertThat(bokitSettings.executorQueueCapacity()).isEqualTo(20);
                    assertThat(bokitSettings.executorShutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(bokitSettings.excludedPaths().patterns()).containsExactly("/admin/**");
                    assertThat(bokitSettings.triggerEnabled()).isTrue();
                    assertThat(bokitSettings.dbTime()).isFalse();
                    assertThat(bokitSettings.databaseMaxConnections()).isEqualTo(3);
                    HttpFetchSettings http = bokitSettings.httpFetchSettings(ClockPort.system());
                    assertThat(http.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(http.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(http.maxBodyBytes()).isEqualTo(1024L * 1024);
                    assertThat(http.userAgent()).isEqualTo("my-app/1.0");
                    assertThat(http.allowedAddresses()).hasSize(2);
                    try (Connection connection =
                                    context.getBean(DataSource.class).getConnection();
                            ResultSet tables =
                                    connection.getMetaData().getTables(null, null, "SHOP_BOKIT_OPTION", null)) {
                        assertThat(tables.next()).isTrue();
                    }
                    Bokit bokit = context.getBean(Bokit.class);
                    assertThat(bokit.options().get("sync.interval").value()).isEqualTo("600");
                    assertThat(bokit.options().get("install.complete").value()).isEqualTo("true");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBeans() {
        runner.withUserConfiguration(OwnBeans.class)
                .withPropertyValues("bokit.calendars.seaview.feeds.seaview-airbnb.url=" + FEED_URL.reveal())
                .run(context -> {
                    assertThat(context).hasSingleBean(ClockPort.class);
                    assertThat(context).hasSingleBean(ICalFeedPort.class);
                    assertThat(context).hasSingleBean(RunSettings.class);
                    MutableClock clock = context.getBean(MutableClock.class);
                    context.getBean(InMemoryFeedSource.class)
                            .serve(
                                    FEED_URL,
                                    ICalFeedBuilder.airbnb()
                                            .reserved(
                                                    "a@airbnb.com", LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 9))
                                            .build());

                    SyncResult result = context.getBean(Bokit.class).sync().sync(SyncCommand.forceAll());

                    assertThat(result).isInstanceOf(SyncResult.Completed.class);
                    SyncReport report = ((SyncResult.Completed) result).report();

                    // then the application's fetcher served the feed, the application's clock timed the run
                    assertThat(report.totals().created()).isEqualTo(1);
                    assertThat(report.startedAt()).isEqualTo(clock.now());
                });
    }

    @Test
    void aHostReservationsBeanIsExported() {
        runner.withBean(
                        HostReservationsPort.class,
                        () -> (calendar, from, to) -> List.of(HostReservation.stay(
                                "web-17", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 4), null)))
                .withPropertyValues("bokit.calendars.seaview.name=Sea View")
                .run(context -> {
                    String body = context.getBean(Bokit.class)
                            .export()
                            .export(ExportCommand.of(CalendarKey.of("seaview")))
                            .body();

                    assertThat(body).contains("DTSTART;VALUE=DATE:20270201");
                });
    }

    @Test
    void everyPortBeanReplacesBokitsOwnSoNoDataSourceIsNeeded() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BokitAutoConfiguration.class))
                .withUserConfiguration(OwnBeans.class, OwnStores.class)
                .withPropertyValues(
                        "bokit.install-complete=true",
                        "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + FEED_URL.reveal())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DataSource.class);
                    OwnStores stores = context.getBean(OwnStores.class);
                    Bokit bokit = context.getBean(Bokit.class);

                    // the application's options, catalog and executor are bokit's
                    assertThat(bokit.options().get("sync.interval").value()).isEqualTo("120");
                    assertThat(stores.catalog.feeds())
                            .extracting(feed -> feed.id().value())
                            .containsExactly("seaview-airbnb");
                    context.getBean(BokitHost.class).trigger().afterResponse("/");
                    assertThat(stores.handedOver).hasSize(1);
                    // the check claims the interval in the application's sync state, under its run settings' owner
                    stores.handedOver.get(0).run();
                    assertThat(stores.syncState.load().lease().owner()).isEqualTo("own-node");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnHost() {
        new ApplicationContextRunner()
                .withConfiguration(BOKIT)
                .withUserConfiguration(OwnHost.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(BokitHost.class);
                    assertThat(context).hasSingleBean(Bokit.class);
                    assertThat(context.getBean(Bokit.class))
                            .isSameAs(context.getBean(BokitHost.class).bokit());
                    assertThat(context.getBean(BokitHost.class)).isSameAs(context.getBean("ownHost"));
                });
    }

    @Test
    void disabledTurnsEveryBeanOff() {
        new WebApplicationContextRunner()
                .withConfiguration(BOKIT)
                .withPropertyValues("bokit.enabled=false")
                .withBean(SimpleMeterRegistry.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Bokit.class);
                    assertThat(context).doesNotHaveBean(BokitHost.class);
                    assertThat(context).doesNotHaveBean(BokitMetrics.class);
                    assertThat(context).doesNotHaveBean(BokitHealthIndicator.class);
                    assertThat(context).doesNotHaveBean("bokitTriggerFilter");
                });
    }

    @Test
    void disabledNeedsNoDataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BokitAutoConfiguration.class))
                .withPropertyValues("bokit.enabled=false")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void withoutADataSourceStartupFailsSayingWhatToAdd() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BokitAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootCause(context.getStartupFailure()))
                            .isInstanceOf(BokitConfigurationException.class)
                            .hasMessage(BokitHost.NO_DATA_SOURCE)
                            .hasMessageContaining("bokit.enabled=false");
                    FailureAnalysis analysis =
                            new BokitConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("DataSource");
                    assertThat(analysis.getAction())
                            .contains("spring-boot-starter-jdbc")
                            .contains("spring.datasource.url")
                            .contains("bokit.enabled=false");
                });
    }

    @Test
    void aBadPropertyFailsStartupWithAnAnalysisNamingIt() {
        runner.withPropertyValues("bokit.executor.threads=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure()))
                    .isInstanceOf(BokitConfigurationException.class)
                    .hasMessage("Invalid bokit.executor.threads: must be 1 to 64, was 0");
            FailureAnalysis analysis = new BokitConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("Invalid bokit.executor.threads: must be 1 to 64, was 0");
            assertThat(analysis.getAction()).startsWith("Correct bokit.executor.threads ");
        });
    }

    @Test
    void everyBadValueIsRefusedByTheHostsRules() {
        for (String bad : List.of(
                "bokit.lease-duration=0s",
                "bokit.refresh-period=2h",
                "bokit.parallel-hosts=65",
                "bokit.executor.queue-capacity=0",
                "bokit.executor.shutdown-timeout=-1s",
                "bokit.database.max-connections=0",
                "bokit.http.connect-timeout=0s",
                "bokit.http.max-body-size=0B",
                "bokit.http.allowed-private-addresses=not-a-cidr")) {
            String property = bad.substring(0, bad.indexOf('='));
            runner.withPropertyValues(bad).run(context -> assertThat(rootCause(context.getStartupFailure()))
                    .as(bad)
                    .isInstanceOf(BokitConfigurationException.class)
                    .hasMessageStartingWith("Invalid " + property + ": "));
        }
    }

    private static Throwable rootCause(Throwable failure) {
        assertThat(failure).as("a startup failure").isNotNull();
        Throwable bokit = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BokitConfigurationException) {
                bokit = cause;
            }
        }
        return bokit;
    }

    @Test
    void worksWithoutActuatorOrMicrometerOnTheClasspath() {
        new WebApplicationContextRunner()
                .withConfiguration(BOKIT)
                .withPropertyValues(database(), "management.endpoints.web.exposure.include=*")
                .withClassLoader(new FilteredClassLoader(
                        "org.springframework.boot.actuate", "org.springframework.boot.health", "io.micrometer"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(Bokit.class);
                    assertThat(context).hasBean("bokitTriggerFilter");
                    assertThat(context).doesNotHaveBean("bokitEndpoint");
                    assertThat(context).doesNotHaveBean("bokitHealthIndicator");
                    assertThat(context).doesNotHaveBean("bokitMetrics");
                });
    }

    @Test
    void everySyncListenerBeanAndTheMetricsHearOfARun() {
        runner.withUserConfiguration(OwnBeans.class, Listeners.class)
                .withBean(SimpleMeterRegistry.class)
                .withPropertyValues(
                        "bokit.calendars.seaview.name=Sea View",
                        "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + FEED_URL.reveal())
                .run(context -> {
                    context.getBean(InMemoryFeedSource.class)
                            .serve(
                                    FEED_URL,
                                    ICalFeedBuilder.airbnb()
                                            .reserved(
                                                    "a@airbnb.com", LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 9))
                                            .build());
                    Bokit bokit = context.getBean(Bokit.class);

                    bokit.sync().sync(SyncCommand.forceAll());

                    Listeners listeners = context.getBean(Listeners.class);
                    assertThat(listeners.first).containsExactly("created a@airbnb.com", "run 0 errors");
                    assertThat(listeners.second).containsExactly("created a@airbnb.com", "run 0 errors");
                    assertThat(context.getBean(BookingsCustomizerMark.class).called)
                            .isTrue();
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(BokitMetrics.RUNS)
                                    .tag("result", "ok")
                                    .counter()
                                    .count())
                            .isEqualTo(1);
                    assertThat(registry.get(BokitMetrics.DURATION).timer().count())
                            .isEqualTo(1);
                    assertThat(registry.get(BokitMetrics.CHANGES)
                                    .tag("kind", "created")
                                    .counter()
                                    .count())
                            .isEqualTo(1);
                    List<Booking> stored = bokit.bookings().find(BookingQuery.all());
                    assertThat(stored).hasSize(1);
                });
    }

    @Test
    void feedFailuresAreCountedByFeedNeverByUrl() {
        runner.withUserConfiguration(OwnBeans.class)
                .withBean(SimpleMeterRegistry.class)
                .withPropertyValues(
                        "bokit.calendars.seaview.feeds.broken.url=https://broken.example.com/x.ics?token=secret")
                .run(context -> {
                    context.getBean(InMemoryFeedSource.class)
                            .fail(FeedUrl.parse("https://broken.example.com/x.ics?token=secret"), 500, "boom", null);

                    context.getBean(Bokit.class).sync().sync(SyncCommand.forceAll());

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(BokitMetrics.FEED_FAILURES)
                                    .tag("feed", "broken")
                                    .tag("feed.name", "broken")
                                    .counter()
                                    .count())
                            .isEqualTo(1);
                    assertThat(registry.getMeters())
                            .flatMap(meter -> meter.getId().getTags())
                            .noneMatch(tag -> tag.getValue().contains("secret")
                                    || tag.getValue().contains("://"));
                });
    }

    @Test
    void healthIndicatorAndEndpointUseBokit() {
        runner.withUserConfiguration(OwnBeans.class)
                .withBean(InMemorySyncState.class)
                .withPropertyValues(
                        "management.endpoints.web.exposure.include=bokit",
                        "bokit.install-complete=true",
                        "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + FEED_URL.reveal())
                .run(context -> {
                    context.getBean(InMemoryFeedSource.class)
                            .serve(FEED_URL, ICalFeedBuilder.airbnb().build());
                    Health health = context.getBean(BokitHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails())
                            .containsEntry(
                                    "reason",
                                    context.getBean(BokitHost.class).health().reason());

                    BokitEndpoint endpoint = context.getBean(BokitEndpoint.class);
                    Map<String, Object> result = endpoint.sync();
                    assertThat(result).containsEntry("result", "completed");

                    Map<String, Object> status = endpoint.status();
                    assertThat(status).containsEntry("installComplete", true);
                    assertThat(status.get("lastReport")).isNotNull();
                    assertThat(status.toString())
                            .contains("https://www.airbnb.com/calendar/ical/42.ics?…")
                            .doesNotContain("secret");

                    SyncStatePort state = context.getBean(InMemorySyncState.class);
                    state.acquireLease(
                            "other-node",
                            Duration.ofMinutes(5),
                            context.getBean(MutableClock.class).now());
                    assertThat(endpoint.sync()).containsEntry("result", "busy");

                    WebEndpointResponse<Map<String, Object>> stored = endpoint.option("sync.interval", "120");
                    assertThat(stored.getStatus()).isEqualTo(200);
                    assertThat(stored.getBody()).containsEntry("value", "120");
                    WebEndpointResponse<Map<String, Object>> refused = endpoint.option("sync.interval", "soon");
                    assertThat(refused.getStatus()).isEqualTo(400);
                    assertThat(refused.getBody()).containsOnlyKeys("error");
                    assertThat(endpoint.option("no.such.option", "1").getStatus())
                            .isEqualTo(400);
                    assertThat(endpoint.option("sync.interval", null).getStatus())
                            .isEqualTo(400);
                    assertThat(context.getBean(Bokit.class)
                                    .options()
                                    .get("sync.interval")
                                    .value())
                            .isEqualTo("120");
                });
    }

    @Test
    void theEndpointIsOffUntilExposed() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(BokitEndpoint.class);
            assertThat(context).hasSingleBean(BokitHealthIndicator.class);
        });
    }

    @Test
    void aStoreThatCannotBeReadIsDownWithTheReasonMasked() {
        runner.withUserConfiguration(OwnBeans.class)
                .withBean(OptionsPort.class, BokitAutoConfigurationTest::unreadableOptions)
                .run(context -> {
                    Health health = context.getBean(BokitHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("reason").toString())
                            .contains("cannot read", "https://feeds.example.com/a.ics?…")
                            .doesNotContain("secret");
                });
    }

    @Test
    void theHostsExecutorShutsDownWithTheContext() {
        BokitHost[] host = new BokitHost[1];
        runner.withPropertyValues("bokit.install-complete=true")
                .run(context -> host[0] = context.getBean(BokitHost.class));

        try (LogCapture logs = LogCapture.everyEventAtTrace()) {
            host[0].trigger().afterResponse("/");

            assertThat(logs.text()).contains("The sync executor is full or shut down");
        }
    }

    private static OptionsPort unreadableOptions() {
        return (OptionsPort) Proxy.newProxyInstance(
                OptionsPort.class.getClassLoader(), new Class<?>[] {OptionsPort.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "unreadable options" : method.invoke(proxy, args);
                    }
                    throw new StorageException(
                            "cannot read the options behind https://feeds.example.com/a.ics?token=secret");
                });
    }

    /** The application's own clock, fetcher and run settings. */
    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        @Bean
        MutableClock clock() {
            return MutableClock.at("2026-12-01T10:00:00Z");
        }

        @Bean
        InMemoryFeedSource fetcher() {
            return new InMemoryFeedSource();
        }

        @Bean
        RunSettings runSettings() {
            return RunSettings.defaults().withOwner("own-node");
        }
    }

    /** The application's own four stores and executor (which only notes what it is handed). */
    @Configuration(proxyBeanMethods = false)
    static class OwnStores {
        final InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
        final InMemorySyncState syncState = new InMemorySyncState();
        final List<Runnable> handedOver = new CopyOnWriteArrayList<>();

        @Bean
        InMemoryOptions options() {
            InMemoryOptions options = new InMemoryOptions();
            options.store("sync.interval", "120");
            return options;
        }

        @Bean
        InMemorySyncState syncState() {
            return syncState;
        }

        @Bean
        InMemoryFeedCatalog catalog() {
            return catalog;
        }

        @Bean
        InMemoryBookingStore bookings() {
            return new InMemoryBookingStore();
        }

        @Bean(BokitAutoConfiguration.EXECUTOR_BEAN)
        Executor bokitSyncExecutor() {
            return handedOver::add;
        }
    }

    /** An application that builds its host itself. */
    @Configuration(proxyBeanMethods = false)
    static class OwnHost {
        @Bean
        BokitHost ownHost() {
            return BokitHost.builder(BokitSettings.defaults())
                    .options(new InMemoryOptions())
                    .syncState(new InMemorySyncState())
                    .catalog(new InMemoryFeedCatalog())
                    .bookings(new InMemoryBookingStore())
                    .fetcher(new InMemoryFeedSource())
                    .executor(Runnable::run)
                    .build();
        }
    }

    /** Marks that the customizer ran. */
    static final class BookingsCustomizerMark {
        volatile boolean called;
    }

    /** Two listener beans and a customizer. */
    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        final List<String> first = new CopyOnWriteArrayList<>();
        final List<String> second = new CopyOnWriteArrayList<>();

        @Bean
        @Order(1)
        SyncListener firstListener() {
            return recorder(first);
        }

        @Bean
        @Order(2)
        SyncListener secondListener() {
            return recorder(second);
        }

        @Bean
        BookingsCustomizerMark mark() {
            return new BookingsCustomizerMark();
        }

        @Bean
        BokitCustomizer customizer(BookingsCustomizerMark mark) {
            return builder -> mark.called = true;
        }

        private static SyncListener recorder(List<String> events) {
            return new SyncListener() {
                @Override
                public void bookingCreated(Booking booking) {
                    events.add("created " + booking.key().uid());
                }

                @Override
                public void runCompleted(SyncReport report) {
                    events.add("run " + report.errors() + " errors");
                }
            };
        }
    }
}
