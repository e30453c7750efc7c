package io.bokit.core.ical;

import static io.bokit.core.ical.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.FeedEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * One damaged or unusual line costs at most its event, never the feed (issue 23, "Tolerance"): each test is a small
 * feed of our own in the shape a real calendar was found in.
 */
class ToleranceTest {

    private static FeedEvent event(ParsedFeed feed, String uid) {
        return feed.events().stream()
                .filter(e -> e.key().uid().equals(uid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no booking " + uid + " in " + feed.events()));
    }

    @Test
    void joinsALineThatContinuesAValueWithoutTheFoldSpaceToTheValueBeforeIt() {
        // given a hand-edited export whose description goes on over a line that does not start with a space
        String body =
                """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Google Inc//Google Calendar 70.9054//EN
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20250710
                DTEND;VALUE=DATE:20250712
                UID:broken-fold@google.com
                DESCRIPTION:Some text that is interesting\\, too.
                &nbsp; And a non-breaking space.
                SUMMARY:Ada Lovelace
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20250801
                DTEND;VALUE=DATE:20250803
                UID:after-the-fold@google.com
                SUMMARY:Grace Hopper
                END:VEVENT
                END:VCALENDAR
                """;

        // when
        ParsedFeed feed = parse(body);

        // then both events import, and the stray line belongs to the description
        assertThat(feed.skipped()).isZero();
        assertThat(feed.events()).hasSize(2);
        BookingData stay = event(feed, "broken-fold@google.com").data();
        assertThat(stay.guestName()).isEqualTo("Ada Lovelace");
        assertThat(stay.checkIn()).isEqualTo(LocalDate.of(2025, 7, 10));
        assertThat(event(feed, "after-the-fold@google.com").data().guestName()).isEqualTo("Grace Hopper");
    }

    @Test
    void joinsAStrayLineToADescriptionSoItsMetadataStaysWhole() {
        // given a folded Airbnb URL whose continuation lost its leading space
        String body = Fixtures.calendar(
                "UID:lost-space",
                "DTSTART;VALUE=DATE:20250710",
                "DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/",
                "details/HMLOST0001\\nPhone Number (Last 4 Digits): 1234");

        // when
        BookingData stay = parse(body).events().get(0).data();

        // then
        assertThat(stay.metadata())
                .containsEntry("reservation_url", "https://www.airbnb.com/hosting/reservations/details/HMLOST0001")
                .containsEntry("phone_last4", "1234");
    }

    @Test
    void ignoresAnUnknownPropertyWhoseParametersCannotBeRead() {
        // given iOS Calendar's structured location: an escaped semicolon and non-ASCII text in an unquoted
        // parameter value, folded over seven lines
        String body =
                """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Apple Inc.//iPhone OS 26.0//EN
                BEGIN:VEVENT
                UID:ios-location@icloud.com
                DTSTART;VALUE=DATE:20250720
                DTEND;VALUE=DATE:20250724
                SUMMARY:Linz trip
                LOCATION:Hauptstraße 1-5\\; 4041 Linz
                X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-APPLE-MAPKIT-HANDLE=CAESvAEIrk0Q
                 gLPOv7HBzP4YGhIJmpmZmZkZSEARexSuR+EULEAiQQoHQXVzdHJpYRICQVQaDlVwcGVyIEF
                 1c3RyaWEqBExpbnoyBExpbnpCDEhhdXB0c3RyYcOfZVIJSGF1cHRzdHJhWgMxLTViBDQwNDE
                 qPz8/;X-APPLE-REFERENCEFRAME=1;X-TITLE=Hauptstraße 1-5\\; 4041 Linz;X-APP
                 LE-RADIUS=70.58461404334184;X-APPLE-TRAVEL-ADVISORY-BEHAVIOR=AUTOMATIC:
                 geo:48.30
                 0000,14.280000
                END:VEVENT
                BEGIN:VEVENT
                UID:ios-second@icloud.com
                DTSTART;VALUE=DATE:20250801
                DTEND;VALUE=DATE:20250802
                SUMMARY:Reserved
                END:VEVENT
                END:VCALENDAR
                """;

        // when
        ParsedFeed feed = parse(body);

        // then
        assertThat(feed.skipped()).isZero();
        assertThat(feed.events())
                .extracting(e -> e.key().uid())
                .containsExactly("ios-location@icloud.com", "ios-second@icloud.com");
        assertThat(event(feed, "ios-location@icloud.com").data().checkOut()).isEqualTo(LocalDate.of(2025, 7, 24));
    }

    @Test
    void skipsOnlyTheEventOfAKnownPropertyWhoseParametersCannotBeRead() {
        // given a DTSTART whose parameter list cannot be read, and an event after it
        String body =
                """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:bad-params
                DTSTART;VALUE=DATE;X-TITLE=Hauptstraße 1-5\\; 4041 Linz:20250720
                SUMMARY:Reserved
                END:VEVENT
                BEGIN:VEVENT
                UID:fine
                DTSTART;VALUE=DATE:20250801
                SUMMARY:Reserved
                END:VEVENT
                END:VCALENDAR
                """;

        // when
        ParsedFeed feed = parse(body);

        // then
        assertThat(feed.events()).extracting(e -> e.key().uid()).containsExactly("fine");
        assertThat(feed.skipped()).isEqualTo(1);
        assertThat(feed.eventsSeen()).isEqualTo(2);
    }

    @Test
    void ignoresAnEmptyRruleAndReadsEightDigitsAsADate() {
        // given a holiday-calendar generator: an empty RRULE on every event, bare dates, DTEND equal to DTSTART
        String body =
                """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Holiday generator//EN
                BEGIN:VEVENT
                UID:new-year-2026@holidays
                DTSTART:20260101
                DTEND:20260101
                RRULE:
                SUMMARY:New Year's Day
                END:VEVENT
                BEGIN:VEVENT
                UID:epiphany-2026@holidays
                DTSTART:20260106
                DTEND:20260106
                RRULE:
                SUMMARY:Epiphany
                END:VEVENT
                END:VCALENDAR
                """;

        // when
        ParsedFeed feed = parse(body);

        // then each is a single one-day event
        assertThat(feed.skipped()).isZero();
        assertThat(feed.events())
                .extracting(FeedEvent::key)
                .containsExactly(BookingKey.of("new-year-2026@holidays"), BookingKey.of("epiphany-2026@holidays"));
        BookingData newYear = feed.events().get(0).data();
        assertThat(newYear.checkIn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(newYear.checkOut()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(newYear.start()).isNull();
    }

    @Test
    void aTimedRecurrenceIdReplacesTheOccurrenceOfTheDateItNamesOnAnAllDayEvent() {
        // given Google's all-day yearly master with overrides named by a UTC midnight, in a zone west of UTC
        // (where that instant falls on the day before)
        String body =
                """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:yearly-block@google.com
                DTSTART;VALUE=DATE:20260101
                DTEND;VALUE=DATE:20260103
                RRULE:FREQ=YEARLY;COUNT=2
                SUMMARY:Blocked
                END:VEVENT
                BEGIN:VEVENT
                UID:yearly-block@google.com
                RECURRENCE-ID:20260101T000000Z
                DTSTART;VALUE=DATE:20260101
                DTEND;VALUE=DATE:20260104
                SUMMARY:Blocked
                END:VEVENT
                END:VCALENDAR
                """;
        ParseContext newYork = ParseContext.of(ZoneId.of("America/New_York"), Fixtures.TODAY);

        for (ParseContext context : new ParseContext[] {Fixtures.CONTEXT, newYork}) {
            // when
            ParsedFeed feed = new ICalParser().parse(body, context);

            // then two bookings: the override in place of 2026, and 2027
            assertThat(feed.events())
                    .extracting(FeedEvent::key)
                    .as("in " + context.zone())
                    .containsExactly(
                            new BookingKey("yearly-block@google.com", "2026-01-01"),
                            new BookingKey("yearly-block@google.com", "2027-01-01"));
            assertThat(feed.events().get(0).data().checkOut()).isEqualTo(LocalDate.of(2026, 1, 4));
        }
    }

    @Test
    void aDateRecurrenceIdReplacesTheOccurrenceOnThatDayOfATimedEvent() {
        // given a timed weekly master and an override named by a date only
        String body =
                """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:weekly-cleaning
                DTSTART;TZID=Europe/Paris:20250702T100000
                DTEND;TZID=Europe/Paris:20250702T120000
                RRULE:FREQ=WEEKLY;COUNT=2
                END:VEVENT
                BEGIN:VEVENT
                UID:weekly-cleaning
                RECURRENCE-ID;VALUE=DATE:20250709
                DTSTART;TZID=Europe/Paris:20250709T140000
                DTEND;TZID=Europe/Paris:20250709T160000
                END:VEVENT
                END:VCALENDAR
                """;

        // when
        ParsedFeed feed = parse(body);

        // then the 9 July occurrence is replaced, not doubled
        assertThat(feed.events()).hasSize(2);
        assertThat(feed.events()).extracting(e -> e.data().start().getHour()).containsExactlyInAnyOrder(10, 14);
    }

    @Test
    void stripsNulPaddingAroundATimeZoneId() {
        // given an Exchange export that pads the TZID with NUL characters (and one with quotes and spaces)
        String body = Fixtures.calendar(
                "UID:exchange-nul",
                "DTSTART;TZID=Europe/Stockholm\u0000\u0000\u0000:20250701T150000",
                "DTEND;TZID=\" Europe/Stockholm\u0000 \":20250702T100000");

        // when
        BookingData stay = parse(body).events().get(0).data();

        // then
        assertThat(stay.start()).isEqualTo(ZonedDateTime.of(2025, 7, 1, 15, 0, 0, 0, ZoneId.of("Europe/Stockholm")));
        assertThat(stay.end().getZone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void recoversAtTheNextEventWhenAnEventNeverEnds() {
        // given an event whose END:VEVENT line was lost, and a stray END of a component that never began
        String body =
                """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:never-ends
                DTSTART;VALUE=DATE:20250701
                END:VTODO
                BEGIN:VEVENT
                UID:next
                DTSTART;VALUE=DATE:20250801
                END:VEVENT
                END:VCALENDAR
                """;

        // when
        ParsedFeed feed = parse(body);

        // then the event that never ended is damaged; the next one imports
        assertThat(feed.events()).extracting(e -> e.key().uid()).containsExactly("next");
        assertThat(feed.skipped()).isEqualTo(1);
        assertThat(feed.eventsSeen()).isEqualTo(2);
    }
}
