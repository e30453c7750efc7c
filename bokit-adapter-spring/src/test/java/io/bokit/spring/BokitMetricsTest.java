package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.host.micrometer.BokitMetrics;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The four meters of the vocabulary the Spring and Micronaut adapters share, with their tags. */
class BokitMetricsTest {
    private static final FeedUrl AIRBNB = FeedUrl.parse("https://www.airbnb.com/calendar/ical/42.ics?s=secret");
    private static final FeedUrl BOOKING = FeedUrl.parse("https://admin.booking.com/hotel/ical/7.ics?t=secret");
    private static final LocalDate JAN = LocalDate.of(2027, 1, 5);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    BokitAutoConfiguration.class,
                    BokitMetricsAutoConfiguration.class))
            .withUserConfiguration(BokitAutoConfigurationTest.OwnBeans.class)
            .withBean(SimpleMeterRegistry.class)
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:metrics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + AIRBNB.reveal(),
                    "bokit.calendars.seaview.feeds.seaview-airbnb.name=Airbnb",
                    "bokit.calendars.seaview.feeds.seaview-booking.url=" + BOOKING.reveal());

    @Test
    void runsAreCountedByResultAndTimed() {
        runner.run(context -> {
            InMemoryFeedSource channels = context.getBean(InMemoryFeedSource.class);
            MutableClock clock = context.getBean(MutableClock.class);
            Bokit bokit = context.getBean(Bokit.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            channels.serve(AIRBNB, ICalFeedBuilder.airbnb().build());
            channels.serve(BOOKING, ICalFeedBuilder.airbnb().build());

            bokit.sync().sync(SyncCommand.forceAll());
            bokit.sync().sync(SyncCommand.forceAll());
            channels.fail(BOOKING, 503, "down", null);
            bokit.sync().sync(SyncCommand.forceAll());
            channels.fail(AIRBNB, 500, "boom", null);
            clock.advance(Duration.ofDays(1)); // past the failed feed's back-off
            bokit.sync().sync(SyncCommand.forceAll());

            assertThat(runs(registry, "ok")).isEqualTo(2);
            assertThat(runs(registry, "partial")).isEqualTo(1);
            assertThat(runs(registry, "failed")).isEqualTo(1);
            assertThat(registry.get(BokitMetrics.DURATION).timer().count()).isEqualTo(4);
            assertThat(registry.get(BokitMetrics.DURATION).timer().getId().getTags())
                    .isEmpty();
        });
    }

    @Test
    void theDoubleBookingGaugeReadsTheOpenRecordsBeforeAnyRun() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
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
                                    JAN,
                                    JAN.plusDays(2)),
                            context.getBean(MutableClock.class).now());

            assertThat(registry.get(BokitMetrics.DOUBLE_BOOKINGS_OPEN).gauge().value())
                    .isEqualTo(1);
        });
    }

    @Test
    void bookingChangesAreCountedByKind() {
        runner.run(context -> {
            InMemoryFeedSource channels = context.getBean(InMemoryFeedSource.class);
            Bokit bokit = context.getBean(Bokit.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            channels.serve(BOOKING, ICalFeedBuilder.airbnb().build());
            channels.serve(
                    AIRBNB,
                    ICalFeedBuilder.airbnb()
                            .reserved("stays@airbnb.com", JAN, JAN.plusDays(4))
                            .reserved("leaves@airbnb.com", JAN.plusDays(10), JAN.plusDays(12))
                            .blocked("block@airbnb.com", JAN.plusDays(20), JAN.plusDays(22))
                            .build());
            bokit.sync().sync(SyncCommand.forceAll());

            channels.serve(
                    AIRBNB,
                    ICalFeedBuilder.airbnb()
                            .reserved("stays@airbnb.com", JAN, JAN.plusDays(5))
                            .build());
            bokit.sync().sync(SyncCommand.forceAll());

            assertThat(changes(registry, "created")).isEqualTo(3);
            assertThat(changes(registry, "updated")).isEqualTo(1);
            assertThat(changes(registry, "vanished")).isEqualTo(1);
            assertThat(changes(registry, "deleted")).isEqualTo(1);
        });
    }

    @Test
    void feedFailuresCarryTheFeedIdAndDisplayNameNeverTheUrl() {
        runner.run(context -> {
            InMemoryFeedSource channels = context.getBean(InMemoryFeedSource.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            channels.fail(AIRBNB, 500, "boom", null);
            channels.fail(BOOKING, 404, "gone", null);

            context.getBean(Bokit.class).sync().sync(SyncCommand.forceAll());

            assertThat(registry.get(BokitMetrics.FEED_FAILURES)
                            .tags("feed", "seaview-airbnb", "feed.name", "Airbnb")
                            .counter()
                            .count())
                    .isEqualTo(1);
            // no declared name: the feed id is the display name
            assertThat(registry.get(BokitMetrics.FEED_FAILURES)
                            .tags("feed", "seaview-booking", "feed.name", "seaview-booking")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.getMeters())
                    .flatMap(meter -> meter.getId().getTags())
                    .noneMatch(tag ->
                            tag.getValue().contains("secret") || tag.getValue().contains("://"));
        });
    }

    private static double runs(MeterRegistry registry, String result) {
        return registry.get(BokitMetrics.RUNS).tag("result", result).counter().count();
    }

    private static double changes(MeterRegistry registry, String kind) {
        return registry.get(BokitMetrics.CHANGES).tag("kind", kind).counter().count();
    }
}
