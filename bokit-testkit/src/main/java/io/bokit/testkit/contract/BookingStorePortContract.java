package io.bokit.testkit.contract;

import static io.bokit.testkit.Fixtures.booking;
import static io.bokit.testkit.Fixtures.change;
import static io.bokit.testkit.Fixtures.inserting;
import static io.bokit.testkit.Fixtures.updating;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.StorageException;
import io.bokit.core.port.out.BookingStorePort;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link BookingStorePort}. To run it against an implementation, extend it and
 * implement {@link #newStore()}: empty the store, then return a supplier of new port instances over
 * it, e.g. {@code var store = new InMemoryBookingStore.Store(); return () -> new
 * InMemoryBookingStore(store);}. Keys and ids in this suite are lower case, so that any collation
 * sorts them alike.
 */
public abstract class BookingStorePortContract extends PortContract<BookingStorePort> {
    private static final String SEAVIEW = "seaview";
    private static final String AIRBNB = "seaview-airbnb";
    private static final String VRBO = "seaview-vrbo";

    private final Booking alice = booking(SEAVIEW, AIRBNB, "alice", july(1), july(5));
    private final Booking bob = booking(SEAVIEW, AIRBNB, "bob", july(8), july(12));

    @Test
    void loadsNothingForUnknownFeed() {
        assertThat(port().loadFeedBookings(FeedId.of(AIRBNB))).isEmpty();
    }

    @Test
    void loadsInsertedBookingsOfOneFeed() {
        // given
        Booking other = booking(SEAVIEW, VRBO, "carol", july(1), july(3));

        // when
        port().apply(inserting(AIRBNB, alice, bob));
        port().apply(inserting(VRBO, other));

        // then
        assertThat(port().loadFeedBookings(FeedId.of(AIRBNB))).containsExactlyInAnyOrder(alice, bob);
        assertThat(newInstance().loadFeedBookings(FeedId.of(VRBO))).containsExactly(other);
    }

    @Test
    void replacesUpdatedBookingWholly() {
        // given
        port().apply(inserting(AIRBNB, alice, bob));
        Booking edited = alice.with(alice.current().withStatus(BookingStatus.CANCELLED), bob.current(), true);

        // when
        port().apply(updating(AIRBNB, edited));

        // then
        assertThat(port().loadFeedBookings(FeedId.of(AIRBNB))).containsExactlyInAnyOrder(edited, bob);
    }

    @Test
    void storesHistoryWithItsChanges() {
        // given
        BookingChange created = change(clock().now(), alice, ChangeKind.CREATED);

        // when
        port().apply(new FeedChangeSet(FeedId.of(AIRBNB), List.of(alice), List.of(), List.of(created)));

        // then
        assertThat(port().history(HistoryQuery.latest(10))).containsExactly(created);
    }

    @Test
    void refusesToInsertStoredKey() {
        // given
        port().apply(inserting(AIRBNB, alice));
        Object before = contents();

        // when / then
        assertThatThrownBy(() -> port().apply(inserting(AIRBNB, alice.withCurrent(bob.current()))))
                .isInstanceOf(StorageException.class);
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void refusesToUpdateKeyNotStored() {
        // given
        port().apply(inserting(AIRBNB, alice));
        Object before = contents();

        // when / then
        assertThatThrownBy(() -> port().apply(updating(AIRBNB, bob))).isInstanceOf(StorageException.class);
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void refusesChangeSetNamingOneKeyTwice() {
        // given
        port().apply(inserting(AIRBNB, alice));
        Object before = contents();
        FeedChangeSet twoInserts = inserting(AIRBNB, bob, bob);
        FeedChangeSet twoUpdates = updating(AIRBNB, alice, alice.withCurrent(bob.current()));
        FeedChangeSet insertAndUpdate = new FeedChangeSet(FeedId.of(AIRBNB), List.of(bob), List.of(bob), List.of());

        // when / then
        for (FeedChangeSet changes : List.of(twoInserts, twoUpdates, insertAndUpdate)) {
            assertThatThrownBy(() -> port().apply(changes)).isInstanceOf(StorageException.class);
        }
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void leavesStoreAsBeforeWhenOneChangeIsBad() {
        // given
        port().apply(new FeedChangeSet(
                FeedId.of(AIRBNB), List.of(alice), List.of(), List.of(change(START, alice, ChangeKind.CREATED))));
        Object before = contents();
        Booking edited = alice.withCurrent(alice.current().withStatus(BookingStatus.CANCELLED));
        Booking unknown = booking(SEAVIEW, AIRBNB, "nobody", july(20), july(22));
        FeedChangeSet changes = new FeedChangeSet(
                FeedId.of(AIRBNB),
                List.of(bob),
                List.of(edited, unknown),
                List.of(change(clock().advance(Duration.ofHours(1)), bob, ChangeKind.CREATED)));

        // when / then
        assertThatThrownBy(() -> port().apply(changes)).isInstanceOf(StorageException.class);
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void writesNothingForEmptyChangeSet() {
        // given
        port().apply(inserting(AIRBNB, alice));
        Object before = contents();

        // when
        port().apply(new FeedChangeSet(FeedId.of(AIRBNB), List.of(), List.of(), List.of()));
        port().apply(new FeedChangeSet(FeedId.of(VRBO), List.of(), List.of(), List.of()));

        // then
        assertThat(contents()).isEqualTo(before);
        assertThat(port().loadFeedBookings(FeedId.of(VRBO))).isEmpty();
    }

    @Test
    void keepsSameKeyOfDifferentFeedsApart() {
        // given
        Booking sameKeyOtherFeed = booking(SEAVIEW, VRBO, "alice", july(20), july(25));
        port().apply(inserting(AIRBNB, alice));

        // when
        port().apply(inserting(VRBO, sameKeyOtherFeed));
        Booking edited = alice.withCurrent(alice.current().withStatus(BookingStatus.CANCELLED));
        port().apply(updating(AIRBNB, edited));

        // then
        assertThat(port().loadFeedBookings(FeedId.of(AIRBNB))).containsExactly(edited);
        assertThat(port().loadFeedBookings(FeedId.of(VRBO))).containsExactly(sameKeyOtherFeed);
    }

    @Test
    void findsBookingsSortedByCheckInThenCalendarFeedAndKey() {
        // given
        Booking first = booking("beach", "beach-vrbo", "z", july(1), july(2));
        Booking second = booking("mountain", "mountain-airbnb", "b", july(3), july(4));
        Booking third = booking("beach", "beach-airbnb", "c", july(5), july(6));
        Booking fourth = booking("beach", "beach-airbnb", "m", july(5), july(9));
        Booking fifth = booking("beach", "beach-vrbo", "a", july(5), july(7));
        Booking sixth = booking("mountain", "mountain-airbnb", "a", july(5), july(6));
        store(sixth, fourth, first, fifth, second, third);

        // when / then
        assertThat(port().find(BookingQuery.all())).containsExactly(first, second, third, fourth, fifth, sixth);
    }

    @Test
    void findsBookingsOfOneCalendar() {
        // given
        Booking mountain = booking("mountain", "mountain-airbnb", "alice", july(1), july(5));
        store(alice, mountain, bob);

        // when / then
        assertThat(port().find(new BookingQuery(CalendarKey.of(SEAVIEW), null, null, Set.of(), false)))
                .containsExactly(alice, bob);
    }

    @Test
    void findsBookingsOverlappingDateRange() {
        // given: from is matched by check-out after it, to by check-in before it
        Booking leavesOnFrom = booking(SEAVIEW, AIRBNB, "leaves-on-from", july(5), july(10));
        Booking leavesAfterFrom = booking(SEAVIEW, AIRBNB, "leaves-after-from", july(5), july(11));
        Booking arrivesBeforeTo = booking(SEAVIEW, AIRBNB, "arrives-before-to", july(19), july(25));
        Booking arrivesOnTo = booking(SEAVIEW, AIRBNB, "arrives-on-to", july(20), july(25));
        Booking spans = booking(SEAVIEW, VRBO, "spans", july(1), july(31));
        store(leavesOnFrom, leavesAfterFrom, arrivesBeforeTo, arrivesOnTo, spans);

        // when
        List<Booking> found = port().find(new BookingQuery(null, july(10), july(20), Set.of(), false));

        // then
        assertThat(found).containsExactly(spans, leavesAfterFrom, arrivesBeforeTo);
    }

    @Test
    void findsBookingsInGivenStatuses() {
        // given
        Booking blocked = booking(SEAVIEW, AIRBNB, "block", BookingStatus.UNAVAILABLE, july(2), july(3));
        Booking cancelled = booking(SEAVIEW, VRBO, "cancel", BookingStatus.CANCELLED, july(3), july(4));
        store(alice, blocked, cancelled);

        // when
        List<Booking> found = port().find(new BookingQuery(
                null, null, null, Set.of(BookingStatus.UNAVAILABLE, BookingStatus.CANCELLED), false));

        // then
        assertThat(found).containsExactly(blocked, cancelled);
    }

    @Test
    void findsSoftDeletedBookingsOnlyWhenAsked() {
        // given
        Booking deleted = bob.with(bob.current(), bob.baseline(), true);
        store(alice, deleted);

        // when / then
        assertThat(port().find(BookingQuery.all())).containsExactly(alice);
        assertThat(port().find(new BookingQuery(null, null, null, Set.of(), true)))
                .containsExactly(alice, deleted);
        assertThat(port().loadFeedBookings(FeedId.of(AIRBNB))).containsExactlyInAnyOrder(alice, deleted);
    }

    @Test
    void listsHistoryNewestFirstUpToLimit() {
        // given
        BookingChange oldest = change(clock().now(), alice, ChangeKind.CREATED);
        BookingChange middle = change(clock().advance(Duration.ofMinutes(1)), bob, ChangeKind.CREATED);
        BookingChange newest = change(clock().advance(Duration.ofMinutes(1)), alice, ChangeKind.VANISHED);
        port().apply(new FeedChangeSet(FeedId.of(AIRBNB), List.of(alice, bob), List.of(), List.of(oldest, middle)));
        port().apply(new FeedChangeSet(FeedId.of(AIRBNB), List.of(), List.of(alice), List.of(newest)));

        // when / then
        assertThat(port().history(HistoryQuery.latest(10))).containsExactly(newest, middle, oldest);
        assertThat(port().history(HistoryQuery.latest(2))).containsExactly(newest, middle);
    }

    @Test
    void listsHistoryInTheOrderItWasAppliedWhenClocksDisagree() {
        // given a node whose clock is behind writes after one whose clock is ahead
        BookingChange aheadFirst = change(clock().now().plus(Duration.ofMinutes(5)), alice, ChangeKind.CREATED);
        BookingChange behindLater = change(clock().now().minus(Duration.ofMinutes(5)), bob, ChangeKind.CREATED);
        port().apply(new FeedChangeSet(FeedId.of(AIRBNB), List.of(alice), List.of(), List.of(aheadFirst)));
        port().apply(new FeedChangeSet(FeedId.of(AIRBNB), List.of(bob), List.of(), List.of(behindLater)));

        // when / then the later write comes first, whatever its time says
        assertThat(port().history(HistoryQuery.latest(10))).containsExactly(behindLater, aheadFirst);
    }

    @Test
    void listsHistoryOfOneCalendarOrFeed() {
        // given
        Booking carol = booking(SEAVIEW, VRBO, "carol", july(1), july(3));
        Booking dave = booking("mountain", "mountain-airbnb", "dave", july(1), july(3));
        BookingChange ofAlice = change(clock().now(), alice, ChangeKind.CREATED);
        BookingChange ofCarol = change(clock().advance(Duration.ofMinutes(1)), carol, ChangeKind.CREATED);
        BookingChange ofDave = change(clock().advance(Duration.ofMinutes(1)), dave, ChangeKind.CREATED);
        port().apply(new FeedChangeSet(FeedId.of(AIRBNB), List.of(alice), List.of(), List.of(ofAlice)));
        port().apply(new FeedChangeSet(FeedId.of(VRBO), List.of(carol), List.of(), List.of(ofCarol)));
        port().apply(new FeedChangeSet(dave.feed(), List.of(dave), List.of(), List.of(ofDave)));

        // when / then
        assertThat(port().history(new HistoryQuery(CalendarKey.of(SEAVIEW), null, 10)))
                .containsExactly(ofCarol, ofAlice);
        assertThat(port().history(new HistoryQuery(null, FeedId.of(AIRBNB), 10)))
                .containsExactly(ofAlice);
        assertThat(port().history(new HistoryQuery(CalendarKey.of("mountain"), FeedId.of(AIRBNB), 10)))
                .isEmpty();
    }

    @Test
    void returnsSnapshotsThatLaterWritesDoNotChange() {
        // given
        BookingChange created = change(START, alice, ChangeKind.CREATED);
        port().apply(new FeedChangeSet(FeedId.of(AIRBNB), List.of(alice), List.of(), List.of(created)));
        List<Booking> loaded = port().loadFeedBookings(FeedId.of(AIRBNB));
        List<Booking> found = port().find(BookingQuery.all());
        List<BookingChange> history = port().history(HistoryQuery.latest(10));

        // when
        Booking edited = alice.withCurrent(alice.current().withStatus(BookingStatus.CANCELLED));
        BookingChange updated = change(clock().advance(Duration.ofMinutes(1)), alice, ChangeKind.UPDATED);
        port().apply(new FeedChangeSet(FeedId.of(AIRBNB), List.of(bob), List.of(edited), List.of(updated)));

        // then
        assertThat(loaded).containsExactly(alice);
        assertThat(found).containsExactly(alice);
        assertThat(history).containsExactly(created);
    }

    /** Inserts bookings of any feeds, one change set per feed. */
    private void store(Booking... bookings) {
        Arrays.stream(bookings)
                .collect(groupingBy(Booking::feed, LinkedHashMap::new, Collectors.toList()))
                .forEach((feed, inserts) -> port().apply(new FeedChangeSet(feed, inserts, List.of(), List.of())));
    }

    /** Everything the store holds, as one comparable value. */
    private Object contents() {
        return List.of(
                port().find(new BookingQuery(null, null, null, Set.of(), true)),
                port().history(HistoryQuery.latest(HistoryQuery.MAX_LIMIT)));
    }

    private static LocalDate july(int day) {
        return LocalDate.of(2025, 7, day);
    }
}
