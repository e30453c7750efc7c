package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Overlaps}: two sources holding the same nights, never an echo, never back-to-back. */
class OverlapsTest {
    private static final CalendarKey SEAVIEW = CalendarKey.of("seaview");
    private static final FeedId AIRBNB = FeedId.of("airbnb");
    private static final FeedId BOOKING = FeedId.of("booking");
    private static final LocalDate TODAY = LocalDate.parse("2026-05-01");
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    private final List<Booking> bookings = new ArrayList<>();

    @Test
    void findsTwoFeedsSellingTheSameNights() {
        // given
        Booking stay = add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        Booking other = add(BOOKING, "B7", BookingStatus.CONFIRMED, "2026-07-03", "2026-07-08");

        // when
        List<Overlap> found = find();

        // then
        assertThat(found)
                .containsExactly(new Overlap(
                        SEAVIEW, BookingRef.of(stay), BookingRef.of(other), day("2026-07-03"), day("2026-07-05")));
        assertThat(found.get(0).nights()).isEqualTo(2);
        assertThat(found.get(0).dates()).isEqualTo("2026-07-03..2026-07-05");
    }

    @Test
    void backToBackStaysDoNotOverlap() {
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        add(BOOKING, "B7", BookingStatus.CONFIRMED, "2026-07-05", "2026-07-08");

        assertThat(find()).isEmpty();
    }

    @Test
    void stayInsideAnotherOverlapsOnItsOwnNights() {
        add(AIRBNB, "long", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-15");
        add(BOOKING, "short", BookingStatus.UNDEFINED, "2026-07-04", "2026-07-06");

        assertThat(find()).singleElement().extracting(Overlap::dates).isEqualTo("2026-07-04..2026-07-06");
    }

    @Test
    void bookingsOfOneSourceNeverOverlap() {
        // a channel that sold its nights twice is its own business: bokit compares sources
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        add(AIRBNB, "HM2", BookingStatus.CONFIRMED, "2026-07-02", "2026-07-04");

        assertThat(find()).isEmpty();
    }

    @Test
    void echoOfAReservationIsNoDoubleBookingWithIt() {
        // Booking.com's "CLOSED - Not available" copy of bokit's export of the Airbnb stay
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        add(BOOKING, "copy-of-HM1", BookingStatus.UNAVAILABLE, "2026-07-01", "2026-07-05");

        assertThat(find()).isEmpty();
    }

    @Test
    void echoOfAReservationIsNoDoubleBookingWithAThirdStayEither() {
        // the real double booking is the two stays; the copy of one of them is not reported again
        Booking stay = add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        add(BOOKING, "copy-of-HM1", BookingStatus.UNAVAILABLE, "2026-07-01", "2026-07-05");
        Booking vrbo = add(FeedId.of("vrbo"), "V1", BookingStatus.CONFIRMED, "2026-07-04", "2026-07-06");

        assertThat(find())
                .extracting(o -> List.of(o.first(), o.second()))
                .containsExactly(List.of(BookingRef.of(stay), BookingRef.of(vrbo)));
    }

    @Test
    void blockOnOtherDatesThanAStayIsADoubleBooking() {
        // not an echo (other nights): the host closed dates on Booking.com that Airbnb sold
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        add(BOOKING, "own", BookingStatus.UNAVAILABLE, "2026-07-02", "2026-07-05");

        assertThat(find()).singleElement().extracting(Overlap::dates).isEqualTo("2026-07-02..2026-07-05");
    }

    @Test
    void cancelledVanishedAndSoftDeletedBookingsDoNotOverlap() {
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        add(BOOKING, "cancelled", BookingStatus.CANCELLED, "2026-07-02", "2026-07-04");
        add(BOOKING, "vanished", BookingStatus.VANISHED, "2026-07-02", "2026-07-04");
        Booking deleted = add(FeedId.of("vrbo"), "deleted", BookingStatus.BLOCKED, "2026-07-03", "2026-07-04");
        bookings.set(bookings.indexOf(deleted), deleted.with(deleted.current(), deleted.baseline(), true));

        assertThat(find()).isEmpty();
    }

    @Test
    void localBookingAndAFeedsStayOverlap() {
        Booking local = add(FeedId.local(), "WEB-1042", BookingStatus.CONFIRMED, "2026-12-20", "2026-12-23");
        Booking airbnb = add(AIRBNB, "HM9", BookingStatus.CONFIRMED, "2026-12-22", "2026-12-24");

        assertThat(find()).singleElement().satisfies(o -> assertThat(List.of(o.first(), o.second()))
                .containsExactly(BookingRef.of(local), BookingRef.of(airbnb)));
    }

    @Test
    void pastOverlapsAreHistoryAndNotFound() {
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-04-01", "2026-04-05");
        add(BOOKING, "B7", BookingStatus.CONFIRMED, "2026-04-02", "2026-04-06");

        assertThat(find()).isEmpty();
    }

    @Test
    void stayEndingTheDayItStartsHoldsThatDay() {
        add(AIRBNB, "visit", BookingStatus.UNDEFINED, "2026-07-02", "2026-07-02");
        add(BOOKING, "B7", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");

        assertThat(find()).singleElement().extracting(Overlap::dates).isEqualTo("2026-07-02..2026-07-03");
    }

    @Test
    void opensWhatIsNewAndClosesWhatMovedAway() {
        // given an open record of HM1 and B7 on 07-03..07-05
        Booking stay = add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        Booking other = add(BOOKING, "B7", BookingStatus.CONFIRMED, "2026-07-03", "2026-07-08");
        DoubleBooking record = DoubleBooking.opened(find().get(0), NOW);

        // when B7 moves to 07-05..07-08 (back-to-back now)
        bookings.set(
                bookings.indexOf(other),
                other.withCurrent(
                        BookingData.allDay(BookingStatus.CONFIRMED, null, day("2026-07-05"), day("2026-07-08"))));
        Overlaps.Changes moved = Overlaps.compare(List.of(record), find());

        // then the record closes, and nothing opens
        assertThat(moved.closed()).containsExactly(record);
        assertThat(moved.opened()).isEmpty();
        assertThat(stay.feed()).isEqualTo(AIRBNB);
    }

    @Test
    void closesWhenASideIsCancelledAndKeepsWhatIsUnchanged() {
        // given two open records
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        Booking b7 = add(BOOKING, "B7", BookingStatus.CONFIRMED, "2026-07-03", "2026-07-08");
        add(AIRBNB, "HM2", BookingStatus.CONFIRMED, "2026-08-01", "2026-08-05");
        add(BOOKING, "B8", BookingStatus.CONFIRMED, "2026-08-04", "2026-08-06");
        List<DoubleBooking> open =
                find().stream().map(o -> DoubleBooking.opened(o, NOW)).toList();

        // when B7 is cancelled
        bookings.set(
                bookings.indexOf(b7),
                b7.withCurrent(
                        BookingData.allDay(BookingStatus.CANCELLED, null, day("2026-07-03"), day("2026-07-08"))));
        Overlaps.Changes changes = Overlaps.compare(open, find());

        // then only its record closes
        assertThat(changes.closed()).containsExactly(open.get(0));
        assertThat(changes.opened()).isEmpty();
        assertThat(Overlaps.compare(open.subList(1, 2), find()).isEmpty()).isTrue();
    }

    @Test
    void changedNightsCloseTheOldRecordAndOpenANewOne() {
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        Booking b7 = add(BOOKING, "B7", BookingStatus.CONFIRMED, "2026-07-03", "2026-07-08");
        DoubleBooking record = DoubleBooking.opened(find().get(0), NOW);
        bookings.set(
                bookings.indexOf(b7),
                b7.withCurrent(
                        BookingData.allDay(BookingStatus.CONFIRMED, null, day("2026-07-02"), day("2026-07-08"))));

        Overlaps.Changes changes = Overlaps.compare(List.of(record), find());

        assertThat(changes.closed()).containsExactly(record);
        assertThat(changes.opened()).extracting(Overlap::dates).containsExactly("2026-07-02..2026-07-05");
    }

    @Test
    void refusesBookingsOfSeveralCalendars() {
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-07-01", "2026-07-05");
        bookings.add(Booking.imported(
                CalendarKey.of("hilltop"),
                BOOKING,
                BookingKey.of("B1"),
                BookingData.allDay(BookingStatus.CONFIRMED, null, day("2026-07-01"), day("2026-07-05"))));

        assertThatThrownBy(this::find).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anOverlapValidatesItsPair() {
        BookingRef a = new BookingRef(AIRBNB, BookingKey.of("a"));
        BookingRef b = new BookingRef(BOOKING, BookingKey.of("b"));
        LocalDate from = day("2026-07-01");

        assertThatThrownBy(() -> new Overlap(SEAVIEW, b, a, from, from.plusDays(1)))
                .hasMessageContaining("must sort before");
        assertThatThrownBy(() ->
                        new Overlap(SEAVIEW, a, new BookingRef(AIRBNB, BookingKey.of("z")), from, from.plusDays(1)))
                .hasMessageContaining("both bookings are of airbnb");
        assertThatThrownBy(() -> new Overlap(SEAVIEW, a, b, from, from)).hasMessageContaining("on or before");
        assertThatThrownBy(() ->
                        new DoubleBooking(new Overlap(SEAVIEW, a, b, from, from.plusDays(1)), NOW, NOW.minusSeconds(1)))
                .hasMessageContaining("cannot close");
    }

    private List<Overlap> find() {
        return Overlaps.find(bookings, EchoRule.Times.unknown(), TODAY);
    }

    private Booking add(FeedId feed, String uid, BookingStatus status, String checkIn, String checkOut) {
        Booking booking = Booking.imported(
                SEAVIEW, feed, BookingKey.of(uid), BookingData.allDay(status, null, day(checkIn), day(checkOut)));
        bookings.add(booking);
        return booking;
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
