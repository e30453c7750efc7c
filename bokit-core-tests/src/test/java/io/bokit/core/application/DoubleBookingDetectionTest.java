package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.AddLocalBookingCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.DoubleBookingsPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryDoubleBookings;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Double bookings found after each feed's apply: recorded, reported, logged, told to listeners, closed by themselves. */
class DoubleBookingDetectionTest {
    private static final String TOKEN = "t0k3n-S3CRET";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final CalendarKey SEAVIEW = CalendarKey.of("seaview");

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final InMemoryOptions options = new InMemoryOptions();
    private final InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
    private final InMemoryBookingStore store = new InMemoryBookingStore();
    private final InMemoryFeedSource feeds = new InMemoryFeedSource();
    private final InMemoryDoubleBookings records = new InMemoryDoubleBookings();
    private final List<String> told = new ArrayList<>();
    private final LogCapture log = new LogCapture(DoubleBookingDetector.class);

    private final FeedUrl airbnb = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=" + TOKEN);
    private final FeedUrl booking = FeedUrl.parse("https://admin.booking.com/hotel/ical.html?t=" + TOKEN);

    @AfterEach
    void closeLog() {
        log.close();
    }

    private Bokit bokit(DoubleBookingsPort port) {
        Bokit bokit = Bokit.builder()
                .options(options)
                .syncState(new InMemorySyncState())
                .catalog(catalog)
                .bookings(store)
                .fetcher(feeds)
                .doubleBookings(port)
                .clock(clock)
                .settings(new RunSettings("test-node", Duration.ofMinutes(15), Duration.ofSeconds(60)))
                .runExecutor(Runnable::run)
                .listener(new SyncListener() {
                    @Override
                    public void doubleBookingOpened(DoubleBooking record) {
                        told.add("opened " + record.overlap().dates());
                    }

                    @Override
                    public void doubleBookingClosed(DoubleBooking record) {
                        told.add("closed " + record.overlap().dates() + " at " + record.closedAt());
                    }
                })
                .build();
        bokit.feeds().addCalendar(new AddCalendarCommand(SEAVIEW, "Sea view", ZoneId.of("Europe/Paris")));
        bokit.feeds().addFeed(new AddFeedCommand(SEAVIEW, FeedId.of("seaview-airbnb"), airbnb, null));
        bokit.feeds().addFeed(new AddFeedCommand(SEAVIEW, FeedId.of("seaview-booking"), booking, null));
        options.store("install.complete", "true");
        return bokit;
    }

    private static SyncReport sync(Bokit bokit) {
        SyncResult result = bokit.sync().sync(SyncCommand.forceAll());
        assertThat(result).isInstanceOf(SyncResult.Completed.class);
        return ((SyncResult.Completed) result).report();
    }

    private void serveAirbnb(int from, int to) {
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb().reserved("HM1", day(from), day(to)).build());
    }

    private void serveBooking(String summary, int from, int to) {
        feeds.serve(
                booking,
                ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                        .event("B7", day(from), day(to), summary)
                        .build());
    }

    private static LocalDate day(int daysFromToday) {
        return TODAY.plusDays(daysFromToday);
    }

    @Test
    void opensARecordWhenTwoChannelsSellTheSameNights() {
        // given
        Bokit bokit = bokit(records);
        serveAirbnb(10, 14);
        serveBooking("CLOSED - Jane Doe", 12, 16);

        // when
        SyncReport report = sync(bokit);

        // then one record, in the store, the report, the listeners, the log and the health
        DoubleBooking expected = DoubleBooking.opened(
                new io.bokit.core.domain.Overlap(
                        SEAVIEW,
                        new BookingRef(FeedId.of("seaview-airbnb"), BookingKey.of("HM1")),
                        new BookingRef(FeedId.of("seaview-booking"), BookingKey.of("B7")),
                        day(12),
                        day(14)),
                clock.now());
        assertThat(records.listOpen(SEAVIEW)).containsExactly(expected);
        assertThat(bokit.doubleBookings().open(null)).containsExactly(expected);
        assertThat(report.doubleBookingsOpened()).containsExactly(expected);
        assertThat(report.openDoubleBookings()).isEqualTo(1);
        assertThat(report.totalsJson()).endsWith(",\"errors\":0,\"double_bookings\":1}");
        assertThat(told).containsExactly("opened 2026-12-10..2026-12-12");
        assertThat(log.lines("WARN"))
                .containsExactly(
                        "[SyncJob] Double booking seaview 2026-12-10..2026-12-12 {\"nights\":2,\"bookings\":["
                                + "\"www.airbnb.com HM1 2026-12-08..2026-12-12\",\"admin.booking.com B7 2026-12-10..2026-12-14\"]}");
        assertThat(String.join("\n", log.lines())).doesNotContain(TOKEN);
        SyncHealth health = bokit.health();
        assertThat(health.status()).isEqualTo(SyncHealth.Status.DEGRADED);
        assertThat(health.up()).isTrue();
        assertThat(health.openDoubleBookings()).isEqualTo(1);
        assertThat(health.reason()).startsWith("1 double booking is open");
    }

    @Test
    void opensTheRecordOnceOverRunsThatChangeNothingOrOtherNights() {
        // given
        Bokit bokit = bokit(records);
        serveAirbnb(10, 14);
        serveBooking("CLOSED - Jane Doe", 12, 16);
        sync(bokit);

        // when the next runs see the same feeds, then Airbnb adds another stay elsewhere
        clock.advance(Duration.ofHours(1));
        SyncReport same = sync(bokit);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("HM1", day(10), day(14))
                        .reserved("HM2", day(30), day(32))
                        .build());
        clock.advance(Duration.ofHours(1));
        SyncReport other = sync(bokit);

        // then
        assertThat(same.doubleBookingsOpened()).isEmpty();
        assertThat(other.doubleBookingsOpened()).isEmpty();
        assertThat(other.openDoubleBookings()).isEqualTo(1);
        assertThat(records.recent(10)).hasSize(1);
        assertThat(told).containsExactly("opened 2026-12-10..2026-12-12");
    }

    @Test
    void closesByItselfWhenASideIsCancelled() {
        // given
        Bokit bokit = bokit(records);
        serveAirbnb(10, 14);
        serveBooking("CLOSED - Jane Doe", 12, 16);
        sync(bokit);

        // when the Booking.com guest cancels: the stay leaves the feed (vanished)
        clock.advance(Duration.ofHours(1));
        serveBooking("CLOSED - Other Guest", 30, 32);
        SyncReport report = sync(bokit);

        // then
        Instant closedAt = clock.now();
        assertThat(records.listOpen(null)).isEmpty();
        assertThat(records.recent(10))
                .singleElement()
                .extracting(DoubleBooking::closedAt)
                .isEqualTo(closedAt);
        assertThat(report.openDoubleBookings()).isZero();
        assertThat(told)
                .containsExactly("opened 2026-12-10..2026-12-12", "closed 2026-12-10..2026-12-12 at " + closedAt);
        assertThat(log.lines("INFO")).singleElement().asString().startsWith("[SyncJob] Double booking closed seaview");
        assertThat(bokit.health().status()).isEqualTo(SyncHealth.Status.UP);
    }

    @Test
    void closesByItselfWhenASideMovesAway() {
        // given
        Bokit bokit = bokit(records);
        serveAirbnb(10, 14);
        serveBooking("CLOSED - Jane Doe", 12, 16);
        sync(bokit);

        // when the Booking.com stay moves to start on Airbnb's check-out day
        serveBooking("CLOSED - Jane Doe", 14, 16);
        SyncReport report = sync(bokit);

        // then
        assertThat(records.listOpen(null)).isEmpty();
        assertThat(report.doubleBookingsOpened()).isEmpty();
        assertThat(told).hasSize(2).last().asString().startsWith("closed");
    }

    @Test
    void anEchoOfBokitsExportIsNoDoubleBooking() {
        // given Booking.com's copy of the Airbnb stay that bokit exported to it
        Bokit bokit = bokit(records);
        serveAirbnb(10, 14);
        serveBooking("CLOSED - Not available", 10, 14);

        // when
        SyncReport report = sync(bokit);

        // then
        assertThat(records.recent(10)).isEmpty();
        assertThat(report.openDoubleBookings()).isZero();
        assertThat(log.lines("WARN")).isEmpty();
    }

    @Test
    void aLocalBookingOnNightsAChannelSoldOpensARecordAtOnce() {
        // given
        Bokit bokit = bokit(records);
        serveAirbnb(10, 14);
        serveBooking("CLOSED - Not available", 10, 14);
        sync(bokit);

        // when the host takes a reservation on its website for nights Airbnb sold
        bokit.localBookings()
                .add(new AddLocalBookingCommand(SEAVIEW, day(13), day(15), "Web guest", false, "WEB-1", null));

        // then
        assertThat(records.listOpen(null)).singleElement().satisfies(record -> {
            assertThat(record.overlap().first().feed()).isEqualTo(FeedId.local());
            assertThat(record.overlap().dates()).isEqualTo("2026-12-11..2026-12-12");
        });

        // and when it is cancelled, the record closes
        bokit.localBookings().cancel("WEB-1");
        assertThat(records.listOpen(null)).isEmpty();
    }

    @Test
    void aCoreWithoutAPortKeepsNothingAndStaysUp() {
        // given
        Bokit bokit = bokit(DoubleBookingsPort.none());
        serveAirbnb(10, 14);
        serveBooking("CLOSED - Jane Doe", 12, 16);

        // when
        SyncReport report = sync(bokit);

        // then
        assertThat(report.openDoubleBookings()).isZero();
        assertThat(told).isEmpty();
        assertThat(bokit.health().status()).isEqualTo(SyncHealth.Status.UP);
    }
}
