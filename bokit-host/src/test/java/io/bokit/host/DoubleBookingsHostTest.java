package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.SyncHealth;
import io.bokit.core.domain.FeedUrl;
import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.host.micrometer.BokitMetrics;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A double booking through a host on its own JDBC stores: health, status view, report and gauge. */
class DoubleBookingsHostTest {
    private static final String AIRBNB = "https://www.airbnb.com/calendar/ical/1.ics?s=SECRET";
    private static final String BOOKING = "https://admin.booking.com/hotel/ical.html?t=SECRET";

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemoryFeedSource feeds = new InMemoryFeedSource();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger reads = new AtomicInteger();

    private BokitHost host(BokitMetrics metrics) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:overlaps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BokitSettings settings = BokitSettings.builder()
                .installComplete(true)
                .calendar(
                        "sea",
                        new CalendarDeclaration(
                                "Sea View",
                                "Europe/Lisbon",
                                Map.of(
                                        "airbnb", new FeedDeclaration(AIRBNB, null),
                                        "booking", new FeedDeclaration(BOOKING, null))))
                .build();
        return BokitHost.builder(settings)
                .dataSource(dataSource)
                .clock(clock)
                .fetcher(feeds)
                .executor(Runnable::run)
                .listener(metrics)
                .build();
    }

    private void serveOverlappingStays() {
        feeds.serve(
                FeedUrl.parse(AIRBNB),
                ICalFeedBuilder.airbnb()
                        .reserved("HM1", LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-14"))
                        .build());
        feeds.serve(
                FeedUrl.parse(BOOKING),
                ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                        .event("B7", LocalDate.parse("2026-12-12"), LocalDate.parse("2026-12-15"), "CLOSED - Jane Doe")
                        .build());
    }

    @Test
    void aDoubleBookingDegradesTheHealthAndShowsInTheStatusTheReportAndTheGauge() {
        BokitMetrics[] metrics = new BokitMetrics[1];
        BokitHost[] built = new BokitHost[1];
        metrics[0] = new BokitMetrics(registry, () -> {
            reads.incrementAndGet();
            return built[0].bokit().doubleBookings().open(null).size();
        });
        try (BokitHost host = host(metrics[0])) {
            built[0] = host;
            serveOverlappingStays();

            // when
            Map<String, Object> result = host.management().sync();

            // then the report, the health, the status view and the gauge say so
            @SuppressWarnings("unchecked")
            Map<String, Object> report = (Map<String, Object>) result.get("report");
            assertThat(report).containsEntry("openDoubleBookings", 1);
            assertThat((List<?>) report.get("doubleBookingsOpened"))
                    .singleElement()
                    .asString()
                    .contains("calendar=sea", "from=2026-12-12", "to=2026-12-14", "nights=2", "feed=airbnb", "uid=HM1");
            SyncHealth health = host.health();
            assertThat(health.status()).isEqualTo(SyncHealth.Status.DEGRADED);
            assertThat(health.openDoubleBookings()).isEqualTo(1);
            Map<String, Object> status = host.management().status();
            assertThat(status).containsEntry("openDoubleBookings", 1);
            assertThat(status.get("health").toString()).contains("status=DEGRADED", "up=true");
            assertThat(status.toString()).doesNotContain("SECRET");
            assertThat(registry.get(BokitMetrics.DOUBLE_BOOKINGS_OPEN).gauge().value())
                    .isEqualTo(1.0);
            registry.get(BokitMetrics.DOUBLE_BOOKINGS_OPEN).gauge().value();
            assertThat(reads)
                    .as("the run's report refreshed the gauge: no read")
                    .hasValue(0);

            // and when the Booking.com stay moves away, the record closes and the health is up again
            feeds.serve(
                    FeedUrl.parse(BOOKING),
                    ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                            .event(
                                    "B7",
                                    LocalDate.parse("2026-12-14"),
                                    LocalDate.parse("2026-12-15"),
                                    "CLOSED - Jane Doe")
                            .build());
            host.management().sync();
            assertThat(host.health().status()).isEqualTo(SyncHealth.Status.UP);
            assertThat(host.bokit().doubleBookings().recent(10))
                    .singleElement()
                    .satisfies(record -> assertThat(record.open()).isFalse());
            assertThat(registry.get(BokitMetrics.DOUBLE_BOOKINGS_OPEN).gauge().value())
                    .isZero();
        }
    }

    @Test
    void theGaugeReadsItsSourceOnceUntilADoubleBookingOpensOrClosesOutsideARun() {
        // given
        AtomicInteger open = new AtomicInteger(3);
        BokitMetrics metrics = new BokitMetrics(registry, () -> {
            reads.incrementAndGet();
            return open.get();
        });

        // when scraped three times
        double first = registry.get(BokitMetrics.DOUBLE_BOOKINGS_OPEN).gauge().value();
        registry.get(BokitMetrics.DOUBLE_BOOKINGS_OPEN).gauge().value();
        registry.get(BokitMetrics.DOUBLE_BOOKINGS_OPEN).gauge().value();

        // then the source was read once
        assertThat(first).isEqualTo(3.0);
        assertThat(reads).hasValue(1);

        // and a record closed outside a run makes the next scrape read it again
        open.set(2);
        metrics.doubleBookingClosed(null);
        assertThat(registry.get(BokitMetrics.DOUBLE_BOOKINGS_OPEN).gauge().value())
                .isEqualTo(2.0);
        assertThat(reads).hasValue(2);
    }
}
