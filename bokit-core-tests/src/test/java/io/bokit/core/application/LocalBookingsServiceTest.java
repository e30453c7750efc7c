package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.AddLocalBookingCommand;
import io.bokit.core.port.in.ChangeLocalBookingCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link LocalBookingsService} through {@link Bokit} over the in-memory ports. */
class LocalBookingsServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final CalendarKey SEAVIEW = CalendarKey.of("seaview");
    private static final FeedId AIRBNB = FeedId.of("seaview-airbnb");

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
    private final InMemoryBookingStore store = new InMemoryBookingStore();
    private final InMemoryFeedSource channels = new InMemoryFeedSource();
    private final FeedUrl airbnbUrl = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=secret");
    private final Bokit bokit = Bokit.builder()
            .options(new InMemoryOptions())
            .syncState(new InMemorySyncState())
            .catalog(catalog)
            .bookings(store)
            .fetcher(channels)
            .clock(clock)
            .runExecutor(Runnable::run)
            .jitter(() -> 1.0)
            .build();

    LocalBookingsServiceTest() {
        bokit.feeds().addCalendar(new AddCalendarCommand(SEAVIEW, "Sea view", ZONE));
    }

    @Test
    void addsAStayWithARandomStableReferenceAndRecordsItAsCreated() {
        // when
        Booking added = bokit.localBookings().add(AddLocalBookingCommand.stay(SEAVIEW, day(3), day(6), " Zoë Dupont "));

        // then
        assertThat(added.feed()).isEqualTo(FeedId.local());
        assertThat(added.key().uid()).matches("local-[0-9a-f]{16}");
        assertThat(added.key().recurrenceId()).isNull();
        assertThat(added.current())
                .isEqualTo(BookingData.allDay(BookingStatus.CONFIRMED, "Zoë Dupont", day(3), day(6)));
        assertThat(added.baseline()).isEqualTo(added.current());
        assertThat(store.loadFeedBookings(FeedId.local())).containsExactly(added);
        assertThat(bokit.localBookings().find(added.key().uid())).contains(added);
        assertThat(history())
                .containsExactly(new BookingChange(
                        clock.now(), SEAVIEW, FeedId.local(), added.key(), ChangeKind.CREATED, null, null, null));
        assertThat(bokit.localBookings()
                        .add(AddLocalBookingCommand.stay(SEAVIEW, day(3), day(6), null))
                        .key())
                .isNotEqualTo(added.key());
    }

    @Test
    void addsAnOwnerBlockUnderTheHostsOwnReferenceWithMetadata() {
        Booking added = bokit.localBookings()
                .add(AddLocalBookingCommand.block(SEAVIEW, day(1), day(2))
                        .withReference("WEB-1042")
                        .withMetadata(Map.of("notes", "painting")));

        assertThat(added.key().uid()).isEqualTo("WEB-1042");
        assertThat(added.status()).isEqualTo(BookingStatus.BLOCKED);
        assertThat(added.current().metadata()).containsExactly(Map.entry("notes", "painting"));
        assertThat(bokit.bookings().find(io.bokit.core.domain.BookingQuery.all()))
                .containsExactly(added);
    }

    @Test
    void refusesAnUnknownCalendarATakenReferenceAndBadDates() {
        bokit.localBookings()
                .add(AddLocalBookingCommand.stay(SEAVIEW, day(1), day(2), null).withReference("R1"));

        assertThatThrownBy(() -> bokit.localBookings()
                        .add(AddLocalBookingCommand.stay(CalendarKey.of("garden"), day(1), day(2), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown calendar garden");
        assertThatThrownBy(() -> bokit.localBookings()
                        .add(AddLocalBookingCommand.stay(SEAVIEW, day(5), day(6), null)
                                .withReference("R1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Reference R1 is taken by another local booking");
        assertThatThrownBy(() -> AddLocalBookingCommand.stay(SEAVIEW, day(2), day(2), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Check-out 2026-11-30 must be after check-in 2026-11-30 (check-out is the departure day)");
        assertThatThrownBy(() -> new AddLocalBookingCommand(SEAVIEW, day(1), day(2), "Ann", true, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("An owner block has no guest name");
        assertThatThrownBy(() -> AddLocalBookingCommand.stay(SEAVIEW, day(1), day(2), null)
                        .withReference("bad\nref"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid reference \"bad?ref\"");
        assertThat(store.loadFeedBookings(FeedId.local())).hasSize(1);
    }

    @Test
    void changesDatesAndGuestFieldByFieldInTheHistory() {
        // given
        Booking added = bokit.localBookings()
                .add(AddLocalBookingCommand.stay(SEAVIEW, day(3), day(6), "Ann").withReference("R7"));
        clock.advance(Duration.ofHours(1));

        // when
        Booking moved = bokit.localBookings().change(ChangeLocalBookingCommand.dates("R7", day(4), day(8)));
        clock.advance(Duration.ofHours(1));
        Booking renamed = bokit.localBookings().change(ChangeLocalBookingCommand.guest("R7", "Bob"));
        Booking again = bokit.localBookings().change(ChangeLocalBookingCommand.guest("R7", "Bob"));

        // then
        assertThat(moved.current().checkIn()).isEqualTo(day(4));
        assertThat(moved.current().checkOut()).isEqualTo(day(8));
        assertThat(renamed.current().guestName()).isEqualTo("Bob");
        assertThat(renamed.baseline()).isEqualTo(renamed.current());
        assertThat(again).isEqualTo(renamed);
        assertThat(store.loadFeedBookings(FeedId.local())).containsExactly(renamed);
        assertThat(history())
                .extracting(c -> c.kind() + " " + c.field() + " " + c.oldValue() + " " + c.newValue())
                .containsExactly(
                        "UPDATED guestName Ann Bob",
                        "UPDATED checkOut 2026-12-04 2026-12-06",
                        "UPDATED checkIn 2026-12-01 2026-12-02",
                        "CREATED null null null");
        assertThat(history().get(0).at()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(added.key()).isEqualTo(renamed.key());
    }

    @Test
    void refusesAChangeThatEndsBeforeItStartsOrOfAnUnknownOrCancelledBooking() {
        bokit.localBookings()
                .add(AddLocalBookingCommand.stay(SEAVIEW, day(3), day(6), "Ann").withReference("R7"));
        bokit.localBookings()
                .add(AddLocalBookingCommand.block(SEAVIEW, day(9), day(10)).withReference("B1"));

        assertThatThrownBy(() -> bokit.localBookings().change(ChangeLocalBookingCommand.dates("R7", day(6), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Check-out 2026-12-04 must be after check-in 2026-12-04 (check-out is the departure day)");
        assertThatThrownBy(() -> bokit.localBookings().change(ChangeLocalBookingCommand.guest("nope", "Bob")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown local booking nope");
        assertThatThrownBy(() -> bokit.localBookings().change(ChangeLocalBookingCommand.guest("B1", "Bob")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Local booking B1 is an owner block: it has no guest");
        bokit.localBookings().cancel("R7");
        assertThatThrownBy(() -> bokit.localBookings().change(ChangeLocalBookingCommand.guest("R7", "Bob")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Local booking R7 is cancelled: it cannot be changed");
    }

    @Test
    void cancelsOnceRecordingTheStatusChange() {
        bokit.localBookings()
                .add(AddLocalBookingCommand.stay(SEAVIEW, day(3), day(6), "Ann").withReference("R7"));
        clock.advance(Duration.ofMinutes(5));

        Booking cancelled = bokit.localBookings().cancel("R7");
        Booking again = bokit.localBookings().cancel("R7");

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(again).isEqualTo(cancelled);
        assertThat(history())
                .extracting(c -> c.kind() + " " + c.field() + " " + c.oldValue() + " " + c.newValue())
                .containsExactly("UPDATED status confirmed cancelled", "CREATED null null null");
        assertThatThrownBy(() -> bokit.localBookings().cancel("R8"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown local booking R8");
    }

    @Test
    void syncRunsNeverVanishNorTouchLocalBookings() {
        // given: a local booking and an Airbnb reservation, synced
        bokit.feeds().addFeed(new AddFeedCommand(SEAVIEW, AIRBNB, airbnbUrl, null));
        Booking local = bokit.localBookings()
                .add(AddLocalBookingCommand.stay(SEAVIEW, day(3), day(6), "Ann").withReference("R7"));
        channels.serve(
                airbnbUrl,
                ICalFeedBuilder.airbnb()
                        .reserved("HM1@airbnb.com", day(10), day(12))
                        .build());
        sync();

        // when: the feed comes back without events, on enough runs for the empty-feed guard to believe it
        channels.serve(airbnbUrl, ICalFeedBuilder.airbnb().build());
        for (int run = 0; run < 3; run++) {
            clock.advance(Duration.ofHours(1));
            sync();
        }

        // then: Airbnb's reservation vanished; the local booking is as it was, with only its own history
        assertThat(store.loadFeedBookings(AIRBNB)).extracting(Booking::status).containsExactly(BookingStatus.VANISHED);
        assertThat(store.loadFeedBookings(FeedId.local())).containsExactly(local);
        assertThat(bokit.bookings().history(new HistoryQuery(null, FeedId.local(), 100)))
                .extracting(BookingChange::kind)
                .containsExactly(ChangeKind.CREATED);
    }

    @Test
    void noFeedCanTakeTheReservedSources() {
        assertThatThrownBy(() -> bokit.feeds().addFeed(new AddFeedCommand(SEAVIEW, FeedId.local(), airbnbUrl, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(
                        () -> bokit.feeds().addFeed(new AddFeedCommand(SEAVIEW, FeedId.of("@host"), airbnbUrl, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> FeedId.of("@other")).isInstanceOf(InvalidInputException.class);
        assertThat(FeedId.of("@local")).isEqualTo(FeedId.local());
        assertThat(catalog.feeds()).isEmpty();
    }

    private List<BookingChange> history() {
        return bokit.bookings().history(HistoryQuery.latest(100));
    }

    private void sync() {
        assertThat(bokit.sync().sync(SyncCommand.forceAll())).isInstanceOf(SyncResult.Completed.class);
    }

    private static LocalDate day(int offset) {
        return TODAY.plusDays(offset);
    }
}
