package io.bokit.core.ical;

import static io.bokit.core.ical.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.FeedEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelFeedsTest {

    @Test
    void readsOldAirbnbFeedWithFoldedReservationUrl() {
        // given an Airbnb 0.8.8 feed (LF, DTEND before DTSTART, folded description)
        // when
        ParsedFeed feed = parse(Fixtures.AIRBNB_OLD);

        // then
        assertThat(feed.eventsSeen()).isEqualTo(2);
        assertThat(feed.skipped()).isZero();
        FeedEvent stay = feed.events().get(0);
        assertThat(stay.key()).isEqualTo(BookingKey.of("1a2b3c4d5e6f-0123456789abcdef0123456789abcdef@airbnb.com"));
        assertThat(stay.data().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(stay.data().guestName()).isNull();
        assertThat(stay.data().checkIn()).isEqualTo(LocalDate.of(2025, 7, 5));
        assertThat(stay.data().checkOut()).isEqualTo(LocalDate.of(2025, 7, 12));
        assertThat(stay.data().allDay()).isTrue();
        assertThat(stay.data().metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "reservation_url", "https://www.airbnb.com/hosting/reservations/details/HMABCD1234",
                        "phone_last4", "4321"));
        FeedEvent block = feed.events().get(1);
        assertThat(block.data().status()).isEqualTo(BookingStatus.UNAVAILABLE);
        assertThat(block.data().guestName()).isNull();
    }

    @Test
    void readsNewAirbnbFeedWithCrlfAndMidWordFold() {
        // given an Airbnb 1.0 feed (CRLF, folded in the middle of a word)
        // when
        ParsedFeed feed = parse(Fixtures.AIRBNB_NEW);

        // then
        assertThat(feed.events()).hasSize(2);
        BookingData stay = feed.events().get(0).data();
        assertThat(stay.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(stay.checkIn()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(stay.checkOut()).isEqualTo(LocalDate.of(2025, 6, 13));
        assertThat(stay.metadata())
                .containsEntry("reservation_url", "https://www.airbnb.com/hosting/reservations/details/HMWXYZ9876")
                .containsEntry("phone_last4", "0042");
        assertThat(feed.events().get(1).data().status()).isEqualTo(BookingStatus.UNAVAILABLE);
    }

    @Test
    void readsBookingComBlocksAndGuestNames() {
        // given a Booking.com feed with "CLOSED - Not available" and "CLOSED - <guest>"
        // when
        ParsedFeed feed = parse(Fixtures.BOOKING_COM);

        // then
        assertThat(feed.events())
                .extracting(e -> e.data().status(), e -> e.data().guestName())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(BookingStatus.UNAVAILABLE, null),
                        org.assertj.core.groups.Tuple.tuple(BookingStatus.CONFIRMED, "Jane Doe"));
        assertThat(feed.events().get(0).data().checkIn()).isEqualTo(LocalDate.of(2025, 9, 8));
        assertThat(feed.events().get(0).data().checkOut()).isEqualTo(LocalDate.of(2025, 9, 13));
    }

    @Test
    void readsAgodaSummaryWithLanguageAndLeadingSpace() {
        // given an Agoda feed: SUMMARY;LANGUAGE=en-us: BOOKED
        // when
        ParsedFeed feed = parse(Fixtures.AGODA);

        // then
        BookingData stay = feed.events().get(0).data();
        assertThat(stay.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(stay.guestName()).isNull();
        assertThat(stay.metadata()).isEmpty();
        assertThat(stay.checkIn()).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(stay.checkOut()).isEqualTo(LocalDate.of(2025, 6, 22));
    }

    @Test
    void readsBeds24DescriptionTemplate() {
        // given a Beds24 feed whose description follows the template
        // when
        ParsedFeed feed = parse(Fixtures.BEDS24);

        // then
        BookingData stay = feed.events().get(0).data();
        assertThat(stay.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(stay.guestName()).isEqualTo("Marie Curie");
        assertThat(stay.metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("group", "VIP"),
                        Map.entry("guests", "3"),
                        Map.entry("adults", "2"),
                        Map.entry("children", "1"),
                        Map.entry("arrival_time", "16:00"),
                        Map.entry("phone", "+33612345678"),
                        Map.entry("mobile", "+33687654321"),
                        Map.entry("email", "marie@example.org"),
                        Map.entry("country", "FR"),
                        Map.entry("ota", "Booking.com"),
                        Map.entry("ota_reference", "4242424242"),
                        Map.entry("comments", "Late arrival, baby cot"),
                        Map.entry("notes", "Pays cash"),
                        Map.entry("door_code", "1234")));
    }

    @Test
    void readsOwnerRezTimedBookingInItsZone() {
        // given an OwnerRez feed: timed DTSTART/DTEND with TZID, a VTIMEZONE and a blank line
        // when
        ParsedFeed feed = parse(Fixtures.OWNERREZ);

        // then the exact times keep their zone and the days are those of the calendar's zone (Paris)
        BookingData stay = feed.events().get(0).data();
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(stay.start()).isEqualTo(ZonedDateTime.of(2025, 7, 1, 22, 0, 0, 0, newYork));
        assertThat(stay.end()).isEqualTo(ZonedDateTime.of(2025, 7, 5, 11, 0, 0, 0, newYork));
        assertThat(stay.checkIn()).isEqualTo(LocalDate.of(2025, 7, 2));
        assertThat(stay.checkOut()).isEqualTo(LocalDate.of(2025, 7, 5));
        assertThat(stay.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(stay.guestName()).isNull();
    }

    @Test
    void readsGoogleRecurringEventWithExdateAndOverride() {
        // given a weekly event of 4 Thursdays, the 2nd excluded, the 3rd moved one hour later
        // when
        ParsedFeed feed = parse(Fixtures.GOOGLE);

        // then
        assertThat(feed.eventsSeen()).isEqualTo(2);
        assertThat(feed.events())
                .extracting(e -> e.key().recurrenceId(), e -> e.data().guestName())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("2025-06-05T16:00:00Z", "Open lab"),
                        org.assertj.core.groups.Tuple.tuple("2025-06-19T16:00:00Z", "Open lab (late)"),
                        org.assertj.core.groups.Tuple.tuple("2025-06-26T16:00:00Z", "Open lab"));
        FeedEvent moved = feed.events().stream()
                .filter(e -> e.key().recurrenceId().equals("2025-06-19T16:00:00Z"))
                .findFirst()
                .orElseThrow();
        assertThat(moved.key().uid()).isEqualTo("weekly-open-lab@google.com");
        assertThat(moved.data().start().toLocalTime()).hasToString("19:00");
    }
}
