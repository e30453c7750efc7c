package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.host.SyncExecutor;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
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
            assertThat(context).hasSingleBean(Bokit.class);
            assertThat(context).hasSingleBean(BokitJdbc.class);
            assertThat(context).hasSingleBean(SyncExecutor.class);
            assertThat(context.getBean(ICalFeedPort.class)).isInstanceOf(HttpFeedFetcher.class);
            assertThat(context.getBean(ClockPort.class)).isSameAs(ClockPort.system());
            RunSettings settings = context.getBean(RunSettings.class);
            assertThat(settings.leaseFor()).isEqualTo(Duration.ofMinutes(15));
            assertThat(settings.refreshPeriod()).isEqualTo(Duration.ofSeconds(60));
            HttpFetchSettings http = context.getBean(HttpFetchSettings.class);
            assertThat(http.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(http.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(http.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
            assertThat(http.allowedAddresses()).isEmpty();

            assertThat(settings.parallelHosts()).isEqualTo(4);

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
    void aServletApplicationGetsTheTriggerFilter() {
        new WebApplicationContextRunner()
                .withConfiguration(BOKIT)
                .withPropertyValues(database())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("bokitTriggerFilter", FilterRegistrationBean.class)
                                    .getFilter())
                            .isInstanceOf(BokitTriggerFilter.class);
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
                        "bokit.http.allowed-private-addresses=10.1.2.0/24,127.0.0.1/32")
                .run(context -> {
                    RunSettings settings = context.getBean(RunSettings.class);
                    assertThat(settings.leaseFor()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(settings.refreshPeriod()).isEqualTo(Duration.ofMillis(100));
                    assertThat(settings.parallelHosts()).isEqualTo(7);
                    HttpFetchSettings http = context.getBean(HttpFetchSettings.class);
                    assertThat(http.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
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
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context.getBean(ClockPort.class)).isSameAs(context.getBean(MutableClock.class));
            assertThat(context.getBean(ICalFeedPort.class)).isInstanceOf(InMemoryFeedSource.class);
            assertThat(context.getBean(RunSettings.class).owner()).isEqualTo("own-node");
            assertThat(context).hasSingleBean(ClockPort.class);
            assertThat(context).hasSingleBean(ICalFeedPort.class);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesBokit() {
        runner.withUserConfiguration(OwnBokit.class).run(context -> {
            assertThat(context).hasSingleBean(Bokit.class);
            assertThat(context.getBean(Bokit.class)).isSameAs(context.getBean("ownBokit"));
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
                    assertThat(context).doesNotHaveBean(BokitJdbc.class);
                    assertThat(context).doesNotHaveBean(SyncExecutor.class);
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
                    Throwable root = context.getStartupFailure();
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root)
                            .isInstanceOf(MissingDataSourceException.class)
                            .hasMessageContaining("spring-boot-starter-jdbc")
                            .hasMessageContaining("spring.datasource.url")
                            .hasMessageContaining("bokit.enabled=false");
                    FailureAnalysis analysis =
                            new MissingDataSourceFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("DataSource");
                    assertThat(analysis.getAction())
                            .contains("spring-boot-starter-jdbc")
                            .contains("bokit.enabled=false");
                });
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
                .withPropertyValues(
                        "management.endpoints.web.exposure.include=bokit",
                        "bokit.install-complete=true",
                        "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + FEED_URL.reveal())
                .run(context -> {
                    context.getBean(InMemoryFeedSource.class)
                            .serve(FEED_URL, ICalFeedBuilder.airbnb().build());
                    Health health = context.getBean(BokitHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);

                    BokitEndpoint endpoint = context.getBean(BokitEndpoint.class);
                    Map<String, Object> result = endpoint.sync();
                    assertThat(result).containsEntry("result", "completed");

                    Map<String, Object> status = endpoint.status();
                    assertThat(status).containsEntry("installComplete", true);
                    assertThat(status.get("lastReport")).isNotNull();
                    assertThat(status.toString())
                            .contains("https://www.airbnb.com/calendar/ical/42.ics?…")
                            .doesNotContain("secret");

                    SyncStatePort state = context.getBean(SyncStatePort.class);
                    state.acquireLease(
                            "other-node",
                            Duration.ofMinutes(5),
                            context.getBean(MutableClock.class).now());
                    assertThat(endpoint.sync()).containsEntry("result", "busy");

                    assertThat(endpoint.option("sync.interval", "120")).containsEntry("value", "120");
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
    void theExecutorShutsDownWithTheContext() {
        SyncExecutor[] executor = new SyncExecutor[1];
        runner.run(context -> executor[0] = context.getBean(SyncExecutor.class));
        assertThat(executor[0].isTerminated()).isTrue();
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

    /** An application that assembles bokit itself. */
    @Configuration(proxyBeanMethods = false)
    static class OwnBokit {
        @Bean
        Bokit ownBokit(BokitJdbc jdbc) {
            return Bokit.builder()
                    .options(jdbc.options())
                    .syncState(jdbc.syncState())
                    .catalog(jdbc.feedCatalog())
                    .bookings(jdbc.bookingStore())
                    .fetcher(new InMemoryFeedSource())
                    .runExecutor(Runnable::run)
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
