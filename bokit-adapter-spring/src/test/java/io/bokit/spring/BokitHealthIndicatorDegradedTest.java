package io.bokit.spring;

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
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

/** The Spring health indicator maps bokit's DEGRADED (open double bookings) to a status of that name. */
class BokitHealthIndicatorDegradedTest {

    @Test
    void openDoubleBookingsAreDegradedWithTheirCount() {
        try (BokitHost host = hostWithOneDoubleBooking()) {
            Health health = new BokitHealthIndicator(host).health();

            assertThat(health.getStatus()).isEqualTo(BokitHealthIndicator.DEGRADED);
            assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(health.getDetails()).containsEntry("openDoubleBookings", 1);
            assertThat(health.getDetails().get("reason").toString()).startsWith("1 double booking is open");
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
