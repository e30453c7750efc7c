package io.bokit.core.ical;

import static io.bokit.core.ical.Fixtures.calendar;
import static io.bokit.core.ical.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.FeedEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static List<String> recurrenceIds(ParsedFeed feed) {
        return feed.events().stream().map(e -> e.key().recurrenceId()).toList();
    }

    @Test
    void skipsARuleTooFineGrainedToExpandInsteadOfHanging() {
        // given a secondly rule that starts years before the window (found by fuzzing: ical4j walked
        // every second from DTSTART to the window, minutes of work that held the sync run)
        String body =
                calendar("UID:secondly", "DTSTART:20130426T022700Z", "DTEND:20130426T032700Z", "RRULE:FREQ=SECONDLY");

        // when
        ParsedFeed feed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(body));

        // then the event is damaged: skipped and counted
        assertThat(feed.events()).isEmpty();
        assertThat(feed.skipped()).isEqualTo(1);
    }

    @Test
    void expandsDailyRuleWithCount() {
        // when
        ParsedFeed feed = parse(calendar("UID:daily", "DTSTART;VALUE=DATE:20250701", "RRULE:FREQ=DAILY;COUNT=3"));

        // then
        assertThat(feed.events())
                .extracting(FeedEvent::key)
                .containsExactly(
                        new BookingKey("daily", "2025-07-01"),
                        new BookingKey("daily", "2025-07-02"),
                        new BookingKey("daily", "2025-07-03"));
        assertThat(feed.events().get(1).data().checkOut()).isEqualTo(LocalDate.of(2025, 7, 3));
    }

    @Test
    void expandsWeeklyRuleWithIntervalBydayAndUntil() {
        // when every other week on Monday and Friday from Mon 2025-06-02 until 2025-06-30
        ParsedFeed feed = parse(calendar(
                "UID:weekly",
                "DTSTART;VALUE=DATE:20250602",
                "DTEND;VALUE=DATE:20250603",
                "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;UNTIL=20250630"));

        // then
        assertThat(recurrenceIds(feed))
                .containsExactly("2025-06-02", "2025-06-06", "2025-06-16", "2025-06-20", "2025-06-30");
    }

    @Test
    void expandsMonthlyRuleOnLastSaturday() {
        // when
        ParsedFeed feed = parse(calendar(
                "UID:monthly",
                "DTSTART:20250628T110000Z",
                "DTEND:20250628T130000Z",
                "RRULE:FREQ=MONTHLY;BYDAY=-1SA;COUNT=3"));

        // then
        assertThat(recurrenceIds(feed))
                .containsExactly("2025-06-28T11:00:00Z", "2025-07-26T11:00:00Z", "2025-08-30T11:00:00Z");
        assertThat(feed.events().get(2).data().end()).isEqualTo(ZonedDateTime.parse("2025-08-30T13:00:00Z"));
    }

    @Test
    void countsDtstartAsFirstOccurrenceEvenWhenRuleSkipsIt() {
        // given a rule for the 31st whose DTSTART is on the 1st (RFC 5545: DTSTART is always the first occurrence)
        // when
        ParsedFeed feed = parse(
                calendar("UID:odd-start", "DTSTART;VALUE=DATE:20250701", "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3"));

        // then
        assertThat(recurrenceIds(feed)).containsExactly("2025-07-01", "2025-07-31", "2025-08-31");
    }

    @Test
    void expandsOpenYearlyRuleOnlyInsideTheWindow() {
        // given a yearly event since 2020; the window is 2024-06-01 .. 2027-06-01
        // when
        ParsedFeed feed = parse(calendar("UID:yearly", "DTSTART;VALUE=DATE:20200815", "RRULE:FREQ=YEARLY"));

        // then
        assertThat(recurrenceIds(feed)).containsExactly("2024-08-15", "2025-08-15", "2026-08-15");
    }

    @Test
    void honoursConfiguredWindow() {
        // given a daily event since 2020 and a window of one week each side of today
        ParseContext context = Fixtures.CONTEXT.withWindow(Period.ofWeeks(1), Period.ofWeeks(1));

        // when
        ParsedFeed feed = new ICalParser()
                .parse(calendar("UID:open-daily", "DTSTART;VALUE=DATE:20200101", "RRULE:FREQ=DAILY"), context);

        // then
        assertThat(feed.events()).hasSize(15);
        assertThat(feed.events().get(0).key().recurrenceId()).isEqualTo("2025-05-25");
        assertThat(feed.events().get(14).key().recurrenceId()).isEqualTo("2025-06-08");
    }

    @Test
    void keepsTimeOfDayAcrossDaylightSavingChange() {
        // given a weekly 18:00 Berlin event across the end of summer time
        ParsedFeed feed = parse(calendar(
                "UID:dst",
                "DTSTART;TZID=Europe/Berlin:20251016T180000",
                "DTEND;TZID=Europe/Berlin:20251016T200000",
                "RRULE:FREQ=WEEKLY;COUNT=3"));

        // then
        assertThat(feed.events())
                .extracting(e -> e.data().start().toLocalTime().toString())
                .containsExactly("18:00", "18:00", "18:00");
        assertThat(recurrenceIds(feed))
                .containsExactly("2025-10-16T16:00:00Z", "2025-10-23T16:00:00Z", "2025-10-30T17:00:00Z");
    }

    @Test
    void exdateRemovesOccurrences() {
        // when
        ParsedFeed feed = parse(calendar(
                "UID:exdate",
                "DTSTART;VALUE=DATE:20250701",
                "RRULE:FREQ=DAILY;COUNT=5",
                "EXDATE;VALUE=DATE:20250702,20250704",
                "EXDATE;VALUE=DATE:20250705"));

        // then
        assertThat(recurrenceIds(feed)).containsExactly("2025-07-01", "2025-07-03");
    }

    @Test
    void overrideReplacesItsOccurrence() {
        // given a daily series of 3 whose second day is moved and renamed
        String body = "BEGIN:VCALENDAR\nVERSION:2.0\n"
                + "BEGIN:VEVENT\nUID:series\nDTSTART:20250701T100000Z\nDTEND:20250701T110000Z\n"
                + "RRULE:FREQ=DAILY;COUNT=3\nSUMMARY:Cleaning\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nUID:series\nRECURRENCE-ID:20250702T100000Z\nDTSTART:20250702T150000Z\n"
                + "DTEND:20250702T160000Z\nSUMMARY:Cleaning (late)\nEND:VEVENT\n"
                + "END:VCALENDAR\n";

        // when
        ParsedFeed feed = parse(body);

        // then
        assertThat(feed.events())
                .extracting(e -> e.key().toString(), e -> e.data().guestName())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("series#2025-07-01T10:00:00Z", "Cleaning"),
                        org.assertj.core.groups.Tuple.tuple("series#2025-07-02T10:00:00Z", "Cleaning (late)"),
                        org.assertj.core.groups.Tuple.tuple("series#2025-07-03T10:00:00Z", "Cleaning"));
    }

    @Test
    void rdateAddsOccurrences() {
        // when
        ParsedFeed feed =
                parse(calendar("UID:rdate", "DTSTART;VALUE=DATE:20250701", "RDATE;VALUE=DATE:20250710,20250720"));

        // then
        assertThat(recurrenceIds(feed)).containsExactly("2025-07-01", "2025-07-10", "2025-07-20");
    }

    @Test
    void importsPastNonRecurringEvents() {
        // when an event long before the recurrence window
        ParsedFeed feed = parse(calendar("UID:old", "DTSTART;VALUE=DATE:20010101", "DTEND;VALUE=DATE:20010105"));

        // then
        assertThat(feed.events()).extracting(FeedEvent::key).containsExactly(BookingKey.of("old"));
    }

    @Test
    void skipsEventWithUnreadableRule() {
        // when
        ParsedFeed feed = parse(calendar("UID:bad-rule", "DTSTART;VALUE=DATE:20250701", "RRULE:FREQ=SOMETIMES"));

        // then
        assertThat(feed.events()).isEmpty();
        assertThat(feed.skipped()).isEqualTo(1);
    }

    @Test
    void capsOccurrencesOfOneEvent() {
        // when a rule that would give a million occurrences in the window
        ParsedFeed feed = parse(calendar("UID:minutely", "DTSTART:20250601T000000Z", "RRULE:FREQ=MINUTELY"));

        // then
        assertThat(feed.events()).hasSize(RecurrenceExpander.MAX_OCCURRENCES);
    }
}
