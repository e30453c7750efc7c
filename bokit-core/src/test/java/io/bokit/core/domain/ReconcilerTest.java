package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final CalendarKey CALENDAR = CalendarKey.of("seaview");
    private static final Feed FEED = Feed.of(
            CALENDAR, FeedId.of("seaview-airbnb"), FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=x"));

    private final Reconciler reconciler = new Reconciler(TODAY, NOW, 3);

    @Test
    void createsBookingsNewToTheStore() {
        Reconciliation result = reconciler.reconcile(FEED, List.of(), List.of(event("a", 1, 4), event("b", 5, 8)), 0);

        assertThat(result.counters()).isEqualTo(new SyncCounters(2, 2, 0, 0, 0, 0, 0, 0));
        assertThat(result.changes().inserts()).extracting(b -> b.key().uid()).containsExactly("a", "b");
        assertThat(result.changes().history()).extracting(BookingChange::kind).containsOnly(ChangeKind.CREATED);
        assertThat(result.created()).hasSize(2);
    }

    @Test
    void leavesIdenticalBookingsUnchangedAndWritesNothing() {
        List<Booking> stored = List.of(imported(event("a", 1, 4)));

        Reconciliation result = reconciler.reconcile(FEED, stored, List.of(event("a", 1, 4)), 0);

        assertThat(result.counters()).isEqualTo(new SyncCounters(1, 0, 0, 1, 0, 0, 0, 0));
        assertThat(result.changes().isEmpty()).isTrue();
    }

    @Test
    void updatesAFieldTheFeedChangedAndRecordsIt() {
        List<Booking> stored = List.of(imported(event("a", 1, 4)));

        Reconciliation result = reconciler.reconcile(FEED, stored, List.of(event("a", 1, 6)), 0);

        assertThat(result.counters().updated()).isEqualTo(1);
        Booking after = result.changes().updates().get(0);
        assertThat(after.current().checkOut()).isEqualTo(TODAY.plusDays(6));
        assertThat(after.baseline().checkOut()).isEqualTo(TODAY.plusDays(6));
        assertThat(result.changes().history())
                .containsExactly(new BookingChange(
                        NOW,
                        CALENDAR,
                        FEED.id(),
                        BookingKey.of("a"),
                        ChangeKind.UPDATED,
                        "checkOut",
                        TODAY.plusDays(4).toString(),
                        TODAY.plusDays(6).toString()));
        assertThat(result.updated()).singleElement().satisfies(u -> assertThat(u.before())
                .isEqualTo(stored.get(0)));
    }

    @Test
    void keepsALocalEditAndRecordsAConflictWhenTheFeedChangesTheSameField() {
        // given the host moved check-out locally to day 5
        Booking importedBooking = imported(event("a", 1, 4));
        Booking edited = importedBooking.withCurrent(data(1, 5, "Reserved"));

        // when the feed moves it to day 6 and also changes the guest name
        FeedEvent incoming = new FeedEvent(
                BookingKey.of("a"),
                new BookingData(
                        BookingStatus.CONFIRMED, "Ana", TODAY.plusDays(1), TODAY.plusDays(6), null, null, Map.of()));
        Reconciliation result = reconciler.reconcile(FEED, List.of(edited), List.of(incoming), 0);

        // then the local check-out stays, the untouched field follows the feed, the baseline is the feed's
        Booking after = result.changes().updates().get(0);
        assertThat(after.current().checkOut()).isEqualTo(TODAY.plusDays(5));
        assertThat(after.current().guestName()).isEqualTo("Ana");
        assertThat(after.baseline()).isEqualTo(incoming.data());
        assertThat(result.counters().conflicts()).isEqualTo(1);
        assertThat(result.changes().history())
                .extracting(BookingChange::kind, BookingChange::field, BookingChange::oldValue, BookingChange::newValue)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        ChangeKind.CONFLICT,
                        "checkOut",
                        TODAY.plusDays(5).toString(),
                        TODAY.plusDays(6).toString()));
    }

    @Test
    void keepsTheHostsDatesAsAWholeWhenMixingThemWithTheFeedsWouldEndTheStayBeforeItStarts() {
        // given the host moved check-out locally from day 4 to day 5 (found by fuzzing: the field-by-field
        // merge took the feed's check-in and the host's check-out, the booking could not be built, and the
        // feed failed on every run from then on)
        Booking edited = imported(event("a", 1, 4)).withCurrent(data(1, 5, "Reserved"));

        // when the guest moves the stay on the channel to days 10 to 12
        Reconciliation result = reconciler.reconcile(FEED, List.of(edited), List.of(event("a", 10, 12)), 0);

        // then the host's dates are kept together, the feed's dates are recorded as conflicts, and the
        // next run with the same feed changes nothing
        Booking after = result.changes().updates().get(0);
        assertThat(after.current().checkIn()).isEqualTo(TODAY.plusDays(1));
        assertThat(after.current().checkOut()).isEqualTo(TODAY.plusDays(5));
        assertThat(after.baseline()).isEqualTo(event("a", 10, 12).data());
        assertThat(result.changes().history())
                .extracting(BookingChange::kind, BookingChange::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.CONFLICT, "checkIn"),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.CONFLICT, "checkOut"));
        Reconciliation again = reconciler.reconcile(FEED, List.of(after), List.of(event("a", 10, 12)), 0);
        assertThat(again.changes().isEmpty()).isTrue();
    }

    @Test
    void aConflictIsRecordedOnceNotOnEveryRun() {
        Booking edited = imported(event("a", 1, 4)).withCurrent(data(1, 5, "Reserved"));
        Reconciliation first = reconciler.reconcile(FEED, List.of(edited), List.of(event("a", 1, 6)), 0);

        Reconciliation second = reconciler.reconcile(FEED, first.changes().updates(), List.of(event("a", 1, 6)), 0);

        assertThat(second.counters()).isEqualTo(new SyncCounters(1, 0, 0, 1, 0, 0, 0, 0));
        assertThat(second.changes().isEmpty()).isTrue();
    }

    @Test
    void vanishesAFutureBookingMissingFromTheFeedAndSoftDeletesAFutureBlock() {
        List<Booking> stored = List.of(
                imported(event("stay", 3, 6)),
                imported(new FeedEvent(BookingKey.of("block"), data(10, 12, BookingStatus.UNAVAILABLE))),
                imported(event("kept", 20, 22)));

        Reconciliation result = reconciler.reconcile(FEED, stored, List.of(event("kept", 20, 22)), 0);

        assertThat(result.counters()).isEqualTo(new SyncCounters(1, 0, 0, 1, 1, 1, 0, 0));
        assertThat(result.vanished()).singleElement().satisfies(b -> {
            assertThat(b.key().uid()).isEqualTo("stay");
            assertThat(b.status()).isEqualTo(BookingStatus.VANISHED);
            assertThat(b.deleted()).isFalse();
        });
        assertThat(result.deleted()).singleElement().satisfies(b -> {
            assertThat(b.key().uid()).isEqualTo("block");
            assertThat(b.deleted()).isTrue();
        });
    }

    @Test
    void neverTouchesPastBookingsButVanishesOneCheckingOutToday() {
        List<Booking> stored = List.of(
                imported(event("past", -10, -1)),
                imported(event("leaving-today", -3, 0)),
                imported(event("other", 30, 31)));

        Reconciliation result = reconciler.reconcile(FEED, stored, List.of(event("other", 30, 31)), 0);

        assertThat(result.vanished()).extracting(b -> b.key().uid()).containsExactly("leaving-today");
        assertThat(result.changes().updates()).extracting(b -> b.key().uid()).doesNotContain("past");
    }

    @Test
    void restoresAVanishedBookingThatReappears() {
        Booking vanished =
                imported(event("a", 3, 6)).withCurrent(data(3, 6, "Reserved").withStatus(BookingStatus.VANISHED));

        Reconciliation result = reconciler.reconcile(FEED, List.of(vanished), List.of(event("a", 3, 6)), 0);

        assertThat(result.counters().updated()).isEqualTo(1);
        Booking after = result.changes().updates().get(0);
        assertThat(after.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(result.changes().history()).extracting(BookingChange::kind).containsExactly(ChangeKind.RESTORED);
    }

    @Test
    void restoresASoftDeletedBlockThatReappears() {
        Booking block = imported(new FeedEvent(BookingKey.of("b"), data(3, 6, BookingStatus.UNAVAILABLE)));
        Booking deleted = block.with(block.current(), block.baseline(), true);

        Reconciliation result = reconciler.reconcile(
                FEED,
                List.of(deleted),
                List.of(new FeedEvent(BookingKey.of("b"), data(3, 6, BookingStatus.UNAVAILABLE))),
                0);

        assertThat(result.changes().updates()).singleElement().satisfies(b -> {
            assertThat(b.deleted()).isFalse();
            assertThat(b.status()).isEqualTo(BookingStatus.UNAVAILABLE);
        });
    }

    @Test
    void skipsDuplicateKeysAfterTheFirstAndCountsDamagedEvents() {
        Reconciliation result =
                reconciler.reconcile(FEED, List.of(), List.of(event("a", 1, 2), event("a", 5, 6), event("b", 1, 2)), 2);

        assertThat(result.counters()).isEqualTo(new SyncCounters(5, 2, 0, 0, 0, 0, 3, 0));
        assertThat(result.created())
                .filteredOn(b -> b.key().uid().equals("a"))
                .singleElement()
                .satisfies(b -> assertThat(b.current().checkIn()).isEqualTo(TODAY.plusDays(1)));
    }

    @Test
    void holdsASuddenlyEmptyFeedUntilItIsConfirmedOnConsecutiveRuns() {
        // given a feed with a future booking that comes back empty
        List<Booking> stored = List.of(imported(event("a", 3, 6)));
        Feed feed = FEED;
        List<Reconciliation> runs = new ArrayList<>();

        // when it is empty three runs in a row (threshold 3)
        for (int run = 0; run < 3; run++) {
            Reconciliation result = reconciler.reconcile(feed, stored, List.of(), 0);
            runs.add(result);
            feed = feed.withFetchState(
                    new FetchState(null, null, null, null, null, null, 0, null, result.emptyFeedRuns(), 0));
        }

        // then the first two change nothing, the third vanishes the booking
        assertThat(runs.get(0).heldAsSuspicious()).isTrue();
        assertThat(runs.get(0).changes().isEmpty()).isTrue();
        assertThat(runs.get(1).heldAsSuspicious()).isTrue();
        assertThat(runs.get(1).emptyFeedRuns()).isEqualTo(2);
        assertThat(runs.get(2).heldAsSuspicious()).isFalse();
        assertThat(runs.get(2).counters().vanished()).isEqualTo(1);
    }

    @Test
    void anEmptyFeedWithNothingInTheFutureIsNotSuspicious() {
        Reconciliation result = reconciler.reconcile(FEED, List.of(imported(event("old", -9, -5))), List.of(), 0);

        assertThat(result.heldAsSuspicious()).isFalse();
        assertThat(result.emptyFeedRuns()).isZero();
        assertThat(result.changes().isEmpty()).isTrue();
    }

    @Test
    void countersAddUpToTheTotal() {
        List<Booking> stored = List.of(imported(event("same", 1, 2)), imported(event("moved", 3, 4)));

        Reconciliation result = reconciler.reconcile(
                FEED,
                stored,
                List.of(event("same", 1, 2), event("moved", 3, 5), event("new", 7, 9), event("new", 7, 9)),
                1);

        SyncCounters c = result.counters();
        assertThat(c.created() + c.updated() + c.unchanged() + c.skipped()).isEqualTo(c.total());
        assertThat(c).isEqualTo(new SyncCounters(5, 1, 1, 1, 0, 0, 2, 0));
    }

    private static FeedEvent event(String uid, int checkInDays, int checkOutDays) {
        return new FeedEvent(BookingKey.of(uid), data(checkInDays, checkOutDays, "Reserved"));
    }

    private static BookingData data(int checkInDays, int checkOutDays, String guest) {
        return BookingData.allDay(
                BookingStatus.CONFIRMED, guest, TODAY.plusDays(checkInDays), TODAY.plusDays(checkOutDays));
    }

    private static BookingData data(int checkInDays, int checkOutDays, BookingStatus status) {
        return BookingData.allDay(status, null, TODAY.plusDays(checkInDays), TODAY.plusDays(checkOutDays));
    }

    private static Booking imported(FeedEvent event) {
        return Booking.imported(CALENDAR, FEED.id(), event.key(), event.data());
    }
}
