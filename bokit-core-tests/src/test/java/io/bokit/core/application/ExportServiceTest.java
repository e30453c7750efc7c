package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.export.ExportUids;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.AddLocalBookingCommand;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.in.ExportResult;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.HostReservation;
import io.bokit.core.port.out.HostReservationsPort;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link ExportService} through {@link Bokit} over the in-memory ports: exports after real syncs, with channel feeds
 * that hold bokit's own exported blocks under rewritten UIDs.
 */
class ExportServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final CalendarKey SEAVIEW = CalendarKey.of("seaview");
    private static final CalendarKey GARDEN = CalendarKey.of("garden");
    private static final FeedId AIRBNB = FeedId.of("seaview-airbnb");
    private static final FeedId BOOKING = FeedId.of("seaview-booking");
    private static final FeedId VRBO = FeedId.of("seaview-vrbo");
    private static final String SECRET = "s3cr3t-t0k3n";

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
    private final InMemoryBookingStore store = new InMemoryBookingStore();
    private final InMemoryFeedSource channels = new InMemoryFeedSource();
    private final FeedUrl airbnbUrl = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=" + SECRET);
    private final FeedUrl bookingUrl = FeedUrl.parse("https://admin.booking.com/hotel/ical.html?t=" + SECRET);
    private final FeedUrl vrboUrl = FeedUrl.parse("https://ical.vrbo.com/1.ics?token=" + SECRET);
    private final List<HostReservation> hostTable = new CopyOnWriteArrayList<>();
    private final List<String> hostReads = new CopyOnWriteArrayList<>();
    private final HostReservationsPort hostPort = (calendar, from, to) -> {
        hostReads.add(calendar + " " + from + " " + to);
        return calendar.equals(SEAVIEW) ? List.copyOf(hostTable) : List.of();
    };
    private final Bokit bokit = Bokit.builder()
            .hostReservations(hostPort)
            .options(new InMemoryOptions())
            .syncState(new InMemorySyncState())
            .catalog(catalog)
            .bookings(store)
            .fetcher(channels)
            .clock(clock)
            .runExecutor(Runnable::run)
            .jitter(() -> 1.0)
            .build();

    ExportServiceTest() {
        bokit.feeds().addCalendar(new AddCalendarCommand(SEAVIEW, "Sea view", ZONE));
        bokit.feeds().addCalendar(new AddCalendarCommand(GARDEN, "Garden room", ZONE));
        bokit.feeds().addFeed(new AddFeedCommand(SEAVIEW, AIRBNB, airbnbUrl, null));
        bokit.feeds().addFeed(new AddFeedCommand(SEAVIEW, BOOKING, bookingUrl, null));
        bokit.feeds().addFeed(new AddFeedCommand(SEAVIEW, VRBO, vrboUrl, null));
        channels.serve(vrboUrl, ICalFeedBuilder.withProdId("-//vrbo//EN").build());
    }

    @Test
    void channelsNeverSeeTheirOwnBookingsComeBackNorEachOthersCopies() {
        // given: a reservation on each channel
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM1@airbnb.com", day(10), day(14))
                        .build());
        channels.serve(
                bookingUrl,
                booking().event("B1", day(20), day(23), "CLOSED - Ann Smith").build());
        sync();
        assertThat(dates(export(ExportCommand.forFeed(SEAVIEW, BOOKING)))).containsExactly(dates(10, 14));
        assertThat(dates(export(ExportCommand.forFeed(SEAVIEW, AIRBNB)))).containsExactly(dates(20, 23));

        // when: each channel imported bokit's export and shows it as its own block, under its own UID
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM1@airbnb.com", day(10), day(14))
                        .blocked("AIRBNB-7f2e@airbnb.com", day(20), day(23))
                        .build());
        channels.serve(
                bookingUrl,
                booking()
                        .event("B1", day(20), day(23), "CLOSED - Ann Smith")
                        .event("c81d@booking.com", day(10), day(14), "CLOSED - Not available")
                        .build());
        clock.advance(Duration.ofHours(3));
        sync();

        // then: nothing echoes, and the third channel gets each original once
        ExportResult toAirbnb = export(ExportCommand.forFeed(SEAVIEW, AIRBNB));
        ExportResult toBooking = export(ExportCommand.forFeed(SEAVIEW, BOOKING));
        ExportResult toVrbo = export(ExportCommand.forFeed(SEAVIEW, VRBO));
        assertThat(dates(toAirbnb)).containsExactly(dates(20, 23));
        assertThat(uids(toAirbnb)).containsExactly(uid(BOOKING, "B1"));
        assertThat(dates(toBooking)).containsExactly(dates(10, 14));
        assertThat(uids(toBooking)).containsExactly(uid(AIRBNB, "HM1@airbnb.com"));
        assertThat(uids(toVrbo)).containsExactly(uid(AIRBNB, "HM1@airbnb.com"), uid(BOOKING, "B1"));
        assertThat(export(ExportCommand.of(SEAVIEW)).body()).isEqualTo(toVrbo.body());
        assertThat(toVrbo.body()).doesNotContain("Ann", "HM1", "airbnb", "booking", SECRET);
    }

    @Test
    void aCancelledReservationLeavesNoGhostBlockWhileTheChannelStillHoldsItsCopy() {
        // given: Booking.com holds its copy of Airbnb's reservation, and Airbnb keeps another block
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM2@airbnb.com", day(5), day(9))
                        .blocked("own@airbnb.com", day(30), day(31))
                        .build());
        channels.serve(bookingUrl, booking().build());
        sync();
        clock.advance(Duration.ofHours(1));
        channels.serve(
                bookingUrl,
                booking()
                        .event("copy@booking.com", day(5), day(9), "CLOSED - Not available")
                        .build());
        sync();

        // when: the guest cancels on Airbnb; Booking.com has not re-read bokit's export yet
        clock.advance(Duration.ofHours(1));
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .blocked("own@airbnb.com", day(30), day(31))
                        .build());
        sync();

        // then: the stale copy is sent to no one
        assertThat(store.loadFeedBookings(AIRBNB))
                .filteredOn(b -> b.key().equals(BookingKey.of("HM2@airbnb.com")))
                .extracting(Booking::status)
                .containsExactly(BookingStatus.VANISHED);
        assertThat(dates(export(ExportCommand.forFeed(SEAVIEW, AIRBNB)))).isEmpty();
        assertThat(dates(export(ExportCommand.forFeed(SEAVIEW, VRBO)))).containsExactly(dates(30, 31));
    }

    @Test
    void aMovedReservationLeavesNoGhostBlockAtItsOldDatesWhileTheChannelStillHoldsItsCopy() {
        // given: Booking.com holds its copy of Airbnb's reservation (found by the loop simulation, bokit-reliability)
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM4@airbnb.com", day(5), day(9))
                        .build());
        channels.serve(bookingUrl, booking().build());
        sync();
        clock.advance(Duration.ofHours(1));
        channels.serve(
                bookingUrl,
                booking()
                        .event("copy@booking.com", day(5), day(9), "CLOSED - Not available")
                        .build());
        sync();

        // when: the guest moves by two days, then by one more; Booking.com has not re-read bokit's export yet
        clock.advance(Duration.ofHours(1));
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM4@airbnb.com", day(7), day(11))
                        .build());
        sync();
        clock.advance(Duration.ofHours(1));
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM4@airbnb.com", day(8), day(11))
                        .build());
        sync();

        store.history(new io.bokit.core.domain.HistoryQuery(SEAVIEW, AIRBNB, 100))
                .forEach(System.out::println);
        // then: the stale copy at the first dates is sent to no one, and is no double booking with the stay it copied
        assertThat(dates(export(ExportCommand.forFeed(SEAVIEW, AIRBNB)))).isEmpty();
        assertThat(dates(export(ExportCommand.forFeed(SEAVIEW, VRBO)))).containsExactly(dates(8, 11));
        assertThat(dates(export(ExportCommand.forFeed(SEAVIEW, BOOKING)))).containsExactly(dates(8, 11));
    }

    @Test
    void theHostsBlockImportedFirstIsTheOriginalAndTheChannelsCopyItsEcho() {
        // given: the host closes dates on Booking.com; hours later Airbnb shows its copy (its id sorts first)
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM3@airbnb.com", day(40), day(41))
                        .build());
        channels.serve(
                bookingUrl,
                booking()
                        .event("closed-1", day(50), day(57), "CLOSED - Not available")
                        .build());
        sync();
        clock.advance(Duration.ofHours(3));
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM3@airbnb.com", day(40), day(41))
                        .blocked("AAAA@airbnb.com", day(50), day(57))
                        .build());
        sync();

        // then
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, AIRBNB)))).containsExactly(uid(BOOKING, "closed-1"));
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, BOOKING))))
                .containsExactly(uid(AIRBNB, "HM3@airbnb.com"));
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, VRBO))))
                .containsExactly(uid(AIRBNB, "HM3@airbnb.com"), uid(BOOKING, "closed-1"));
    }

    @Test
    void exportImportedByBokitGivesTheSameDatesBack() {
        // given
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM1@airbnb.com", day(1), day(4))
                        .blocked("blk@airbnb.com", day(4), day(6))
                        .build());
        channels.serve(
                bookingUrl,
                booking().event("B1", day(-3), day(2), "CLOSED - Zoë").build());
        sync();
        String body = export(ExportCommand.of(SEAVIEW).withGuestNames(true)).body();
        FeedUrl exportUrl = FeedUrl.parse("https://host.example/bokit/ical/token.ics");
        channels.serve(exportUrl, body);
        bokit.feeds().addFeed(new AddFeedCommand(GARDEN, FeedId.of("garden-seaview"), exportUrl, null));

        // when
        sync();

        // then
        assertThat(store.loadFeedBookings(FeedId.of("garden-seaview")))
                .extracting(b -> b.current().checkIn() + "/" + b.current().checkOut())
                .containsExactlyInAnyOrder(dates(-3, 2), dates(1, 4), dates(4, 6));
    }

    @Test
    void sameBookingsGiveTheSameBodyLaterInTheDay() {
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM1@airbnb.com", day(1), day(4))
                        .build());
        channels.serve(bookingUrl, booking().build());
        sync();
        String body = export(ExportCommand.of(SEAVIEW)).body();

        clock.advance(Duration.ofHours(5));

        assertThat(export(ExportCommand.of(SEAVIEW)).body()).isEqualTo(body);
    }

    @Test
    void refusesATargetFeedOfAnotherCalendar() {
        bokit.feeds()
                .addFeed(new AddFeedCommand(
                        GARDEN, FeedId.of("garden-airbnb"), FeedUrl.parse("https://a.example/x.ics"), null));

        assertThatThrownBy(() -> export(ExportCommand.forFeed(SEAVIEW, FeedId.of("garden-airbnb"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Feed garden-airbnb belongs to calendar garden, not to seaview");
    }

    @Test
    void aLocalBookingIsSentToEveryChannelAndEachChannelsCopyIsAnEcho() {
        // given: a reservation made on the host's website, and one on Airbnb
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM1@airbnb.com", day(10), day(14))
                        .build());
        channels.serve(bookingUrl, booking().build());
        sync();
        String web = bokit.localBookings()
                .add(AddLocalBookingCommand.stay(SEAVIEW, day(3), day(6), "Zoë").withReference("WEB-1"))
                .key()
                .uid();
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, AIRBNB)))).containsExactly(uid(FeedId.local(), web));
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, BOOKING))))
                .containsExactly(uid(FeedId.local(), web), uid(AIRBNB, "HM1@airbnb.com"));

        // when: both channels imported the export and show the local booking as their own block
        clock.advance(Duration.ofHours(2));
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM1@airbnb.com", day(10), day(14))
                        .blocked("AIRBNB-x1@airbnb.com", day(3), day(6))
                        .build());
        channels.serve(
                bookingUrl,
                booking()
                        .event("c1@booking.com", day(3), day(6), "CLOSED - Not available")
                        .event("c2@booking.com", day(10), day(14), "CLOSED - Not available")
                        .build());
        sync();

        // then: every channel gets the local booking once, and no copy travels on
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, AIRBNB)))).containsExactly(uid(FeedId.local(), web));
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, BOOKING))))
                .containsExactly(uid(FeedId.local(), web), uid(AIRBNB, "HM1@airbnb.com"));
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, VRBO))))
                .containsExactly(uid(FeedId.local(), web), uid(AIRBNB, "HM1@airbnb.com"));
        assertThat(export(ExportCommand.of(SEAVIEW)).body()).doesNotContain("Zoë", "WEB-1");
        assertThat(export(ExportCommand.of(SEAVIEW).withGuestNames(true)).body())
                .contains("SUMMARY:Zoë");
    }

    @Test
    void aCancelledLocalBookingLeavesEveryExportAndItsStaleCopiesWithIt() {
        // given: a local booking that Booking.com shows as its own block
        channels.serve(airbnbUrl, ICalFeedBuilder.airbnb().build());
        bokit.localBookings()
                .add(AddLocalBookingCommand.stay(SEAVIEW, day(3), day(6), null).withReference("WEB-2"));
        clock.advance(Duration.ofHours(1));
        channels.serve(
                bookingUrl,
                booking()
                        .event("c1@booking.com", day(3), day(6), "CLOSED - Not available")
                        .build());
        sync();

        // when: the guest cancels on the host's website; Booking.com has not re-read the export yet
        clock.advance(Duration.ofHours(1));
        bokit.localBookings().cancel("WEB-2");

        // then: no ghost block reaches the other channels
        assertThat(export(ExportCommand.forFeed(SEAVIEW, AIRBNB)).events()).isZero();
        assertThat(export(ExportCommand.forFeed(SEAVIEW, VRBO)).events()).isZero();
        assertThat(export(ExportCommand.forFeed(SEAVIEW, BOOKING)).events()).isZero();
    }

    @Test
    void aLocalOwnerBlockMadeBeforeAChannelsCopyIsTheOriginal() {
        // given: the host closes dates in bokit; an hour later Airbnb shows its copy
        channels.serve(bookingUrl, booking().build());
        String block = bokit.localBookings()
                .add(AddLocalBookingCommand.block(SEAVIEW, day(20), day(27)))
                .key()
                .uid();
        clock.advance(Duration.ofHours(1));
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .blocked("AAAA@airbnb.com", day(20), day(27))
                        .build());
        sync();

        // then
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, AIRBNB)))).containsExactly(uid(FeedId.local(), block));
        assertThat(uids(export(ExportCommand.forFeed(SEAVIEW, VRBO)))).containsExactly(uid(FeedId.local(), block));
    }

    @Test
    void theHostsOwnReservationsAreExportedAndTheirCopiesAreEchoes() {
        // given: the host's tables hold a stay, a block and one long past; Airbnb shows a copy of the stay
        hostTable.add(HostReservation.stay("order-77", day(2), day(5), "Zoë"));
        hostTable.add(HostReservation.block("maint-3", day(8), day(9)));
        hostTable.add(HostReservation.stay("order-12", day(-60), day(-50), null));
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .blocked("AIRBNB-y@airbnb.com", day(2), day(5))
                        .build());
        channels.serve(bookingUrl, booking().build());
        sync();

        // when
        ExportResult toAirbnb = export(ExportCommand.forFeed(SEAVIEW, AIRBNB));
        ExportResult toVrbo = export(ExportCommand.forFeed(SEAVIEW, VRBO));

        // then
        List<String> host = List.of(uid(FeedId.host(), "order-77"), uid(FeedId.host(), "maint-3"));
        assertThat(uids(toAirbnb)).containsExactlyElementsOf(host);
        assertThat(uids(toVrbo)).containsExactlyElementsOf(host);
        assertThat(dates(toVrbo)).containsExactly(dates(2, 5), dates(8, 9));
        assertThat(toVrbo.body()).doesNotContain("order-77", "Zoë");
        assertThat(hostReads).last().isEqualTo("seaview " + day(-30) + " null");
    }

    @Test
    void aFailingHostReservationsPortFailsTheExportAsAStorageError() {
        Bokit failing = Bokit.builder()
                .hostReservations((calendar, from, to) -> {
                    throw new IllegalStateException("host db down");
                })
                .options(new InMemoryOptions())
                .syncState(new InMemorySyncState())
                .catalog(catalog)
                .bookings(store)
                .fetcher(channels)
                .clock(clock)
                .runExecutor(Runnable::run)
                .build();

        assertThatThrownBy(() -> failing.export().export(ExportCommand.of(SEAVIEW)))
                .isInstanceOf(io.bokit.core.domain.StorageException.class)
                .hasMessage("Cannot read the host's reservations of calendar seaview")
                .hasRootCauseMessage("host db down");
        Bokit returningNull = Bokit.builder()
                .hostReservations((calendar, from, to) -> null)
                .options(new InMemoryOptions())
                .syncState(new InMemorySyncState())
                .catalog(catalog)
                .bookings(store)
                .fetcher(channels)
                .clock(clock)
                .runExecutor(Runnable::run)
                .build();
        assertThatThrownBy(() -> returningNull.export().export(ExportCommand.of(SEAVIEW)))
                .isInstanceOf(io.bokit.core.domain.StorageException.class)
                .hasMessage("The host's reservations port returned null for calendar seaview");
    }

    private static ICalFeedBuilder booking() {
        return ICalFeedBuilder.withProdId("-//admin.booking.com//EN");
    }

    private void sync() {
        assertThat(bokit.sync().sync(SyncCommand.forceAll())).isInstanceOf(SyncResult.Completed.class);
    }

    private ExportResult export(ExportCommand command) {
        return bokit.export().export(command);
    }

    private static LocalDate day(int offset) {
        return TODAY.plusDays(offset);
    }

    private static String dates(int in, int out) {
        return day(in) + "/" + day(out);
    }

    /** The events' check-in/check-out pairs, in body order. */
    private static List<String> dates(ExportResult result) {
        List<String> lines = Arrays.asList(result.body().split("\r\n"));
        List<String> starts = values(lines, "DTSTART;VALUE=DATE:");
        List<String> ends = values(lines, "DTEND;VALUE=DATE:");
        assertThat(starts).hasSize(result.events()).hasSameSizeAs(ends);
        return java.util.stream.IntStream.range(0, starts.size())
                .mapToObj(i -> iso(starts.get(i)) + "/" + iso(ends.get(i)))
                .toList();
    }

    private static List<String> uids(ExportResult result) {
        return values(Arrays.asList(result.body().split("\r\n")), "UID:");
    }

    private static List<String> values(List<String> lines, String prefix) {
        return lines.stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .toList();
    }

    private static String iso(String basic) {
        return LocalDate.parse(basic, java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                .toString();
    }

    private static String uid(FeedId feed, String uid) {
        return ExportUids.of(SEAVIEW, feed, BookingKey.of(uid));
    }
}
