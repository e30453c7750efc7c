package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code overlaps list}, the count in {@code status} and the fields of {@code sync --json}. */
class OverlapsCommandTest {
    private static final LocalDate SOON = LocalDate.now().plusDays(10);

    @TempDir
    Path home;

    private Cli cli;
    private LocalFeedServer server;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
        server = LocalFeedServer.start();
        server.serve(
                "/airbnb.ics",
                ICalFeedBuilder.airbnb().reserved("HM1", SOON, SOON.plusDays(4)).build());
        server.serve(
                "/booking.ics",
                ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                        .event("B7", SOON.plusDays(2), SOON.plusDays(6), "CLOSED - Jane Doe")
                        .build());
        assertThat(cli.run("calendars", "add", "seaview").code()).isZero();
        cli.addFeed("seaview", "seaview-airbnb", "Airbnb", server.url("/airbnb.ics"));
        cli.addFeed("seaview", "seaview-booking", "Booking.com", server.url("/booking.ics"));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void syncReportsTheDoubleBookingItFoundAndOverlapsListShowsIt() {
        // when
        Cli.Result sync = cli.run("sync", "--allow-private");
        Cli.Result list = cli.run("overlaps", "list");

        // then
        assertThat(sync.code()).as(sync.toString()).isZero();
        assertThat(sync.out())
                .contains("! Double booking seaview " + SOON.plusDays(2) + ".." + SOON.plusDays(4)
                        + " (2 nights): seaview-airbnb/HM1 and seaview-booking/B7")
                .contains("1 double booking is open: see bokit-cli overlaps list");
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out())
                .contains("CALENDAR", "NIGHTS", "seaview", "seaview-airbnb/HM1", "seaview-booking/B7", "open");
        assertThat(cli.run("status").out()).contains("Double bookings: 1 open");
    }

    @Test
    void jsonOfSyncStatusAndOverlapsList() {
        // when
        Cli.Result sync = cli.run("sync", "--allow-private", "--json");
        Cli.Result status = cli.run("status", "--json");
        Cli.Result list = cli.run("overlaps", "list", "--json");

        // then
        Map<?, ?> report = (Map<?, ?>) JsonParser.parse(sync.out().strip());
        assertThat(report.get("openDoubleBookings")).isEqualTo(1L);
        assertThat((List<?>) report.get("doubleBookingsOpened")).hasSize(1);
        assertThat(((Map<?, ?>) JsonParser.parse(status.out().strip())).get("openDoubleBookings"))
                .isEqualTo(1L);
        List<?> records = (List<?>) JsonParser.parse(list.out().strip());
        assertThat(records).singleElement().satisfies(record -> {
            Map<?, ?> object = (Map<?, ?>) record;
            assertThat(object.get("calendar")).isEqualTo("seaview");
            assertThat(object.get("from")).isEqualTo(SOON.plusDays(2).toString());
            assertThat(object.get("nights")).isEqualTo(2L);
            assertThat(object.get("open")).isEqualTo(true);
            assertThat(((Map<?, ?>) object.get("first")).get("feed")).isEqualTo("seaview-airbnb");
        });
    }

    @Test
    void aClosedRecordLeavesTheOpenListButStaysInAll() {
        // given
        cli.run("sync", "--allow-private");

        // when Booking.com's stay moves to start on Airbnb's check-out day
        server.serve(
                "/booking.ics",
                ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                        .event("B7", SOON.plusDays(4), SOON.plusDays(6), "CLOSED - Jane Doe")
                        .build());
        cli.run("sync", "--allow-private");

        // then
        assertThat(cli.run("overlaps", "list").out()).contains("No double booking is open.");
        Cli.Result all = cli.run("overlaps", "list", "--all");
        assertThat(all.out()).contains("seaview-airbnb/HM1").doesNotContain(" open");
        assertThat(cli.run("status").out()).contains("Double bookings: none open");
    }
}
