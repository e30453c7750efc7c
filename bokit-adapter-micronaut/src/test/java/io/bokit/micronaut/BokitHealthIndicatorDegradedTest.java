package io.bokit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.Overlap;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryDoubleBookings;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.micronaut.health.HealthStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Micronaut health indicator maps bokit's DEGRADED (open double bookings) to an operational DEGRADED status. */
class BokitHealthIndicatorDegradedTest {

    @Test
    void openDoubleBookingsAreDegradedOperationalWithTheirCount() {
        try (BokitHost host = hostWithOneDoubleBooking()) {
            BokitHealthIndicator indicator = new BokitHealthIndicator(host);

            Map<String, Object> details = indicator.getHealthInformation();

            HealthStatus status = BokitHealthIndicator.status(host.health());
            assertThat(status.getName()).isEqualTo("DEGRADED");
            assertThat(status.getOperational()).contains(true);
            assertThat(details).containsEntry("openDoubleBookings", 1);
        }
    }

    private static BokitHost hostWithOneDoubleBooking() {
        InMemoryDoubleBookings records = new InMemoryDoubleBookings();
        records.open(
                new Overlap(
                        CalendarKey.of("sea"),
                        new BookingRef(FeedId.of("airbnb"), BookingKey.of("HM1")),
                        new BookingRef(FeedId.of("booking"), BookingKey.of("B7")),
                        LocalDate.parse("2026-12-12"),
                        LocalDate.parse("2026-12-14")),
                Instant.parse("2026-12-01T10:00:00Z"));
        return BokitHost.builder(BokitSettings.defaults())
                .options(new InMemoryOptions())
                .syncState(new InMemorySyncState())
                .catalog(new InMemoryFeedCatalog())
                .bookings(new InMemoryBookingStore())
                .doubleBookings(records)
                .fetcher(new InMemoryFeedSource())
                .executor(Runnable::run)
                .build();
    }
}
