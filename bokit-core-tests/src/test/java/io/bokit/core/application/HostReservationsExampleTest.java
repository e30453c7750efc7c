package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.out.HostReservation;
import io.bokit.core.port.out.HostReservationsPort;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link HostReservationsPort} example of docs/architecture.md, compiled and run. */
class HostReservationsExampleTest {

    /** The host's own order table, as its website keeps it. */
    record Order(long id, String room, LocalDate arrival, LocalDate departure, String guest, boolean cancelled) {}

    // docs:host-reservations
    /** The website's orders, handed to bokit's exports. */
    static final class WebsiteReservations implements HostReservationsPort {
        private final List<Order> orders; // in a real host: a repository or a SQL query

        WebsiteReservations(List<Order> orders) {
            this.orders = orders;
        }

        @Override
        public List<HostReservation> reservations(CalendarKey calendar, LocalDate from, LocalDate to) {
            return orders.stream()
                    .filter(o -> o.room().equals(calendar.value()) && !o.cancelled())
                    .filter(o -> !o.departure().isBefore(from)
                            && (to == null || o.arrival().isBefore(to)))
                    .map(o -> HostReservation.stay("order-" + o.id(), o.arrival(), o.departure(), o.guest()))
                    .toList();
        }
    }
    // docs:end

    @Test
    void theWebsitesOrdersAreExported() {
        List<Order> orders = List.of(
                new Order(77, "seaview", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4), "Zoë", false),
                new Order(78, "seaview", LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 8), "Bob", true),
                new Order(79, "garden", LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 8), "Ann", false));
        // docs:host-reservations-wiring
        Bokit bokit = Bokit.builder()
                .options(new InMemoryOptions())
                .syncState(new InMemorySyncState())
                .catalog(new InMemoryFeedCatalog())
                .bookings(new InMemoryBookingStore())
                .fetcher(new InMemoryFeedSource())
                .hostReservations(new WebsiteReservations(orders))
                .clock(MutableClock.at("2026-11-28T10:00:00Z"))
                .runExecutor(Runnable::run)
                .build();
        // docs:end
        bokit.feeds().addCalendar(new AddCalendarCommand(CalendarKey.of("seaview"), "Sea view", ZoneId.of("UTC")));

        String body = bokit.export()
                .export(ExportCommand.of(CalendarKey.of("seaview")))
                .body();

        assertThat(body).contains("DTSTART;VALUE=DATE:20261201").doesNotContain("20261206", "order-77", "Zoë");
    }
}
