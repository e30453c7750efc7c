package io.bokit.core.export;

import static io.bokit.core.export.ExportFixture.AIRBNB;
import static io.bokit.core.export.ExportFixture.BOOKING;
import static io.bokit.core.export.ExportFixture.SEAVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.in.ExportCommand;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The body of one calendar's export: RFC 5545 shape, privacy, what is left out, determinism. */
class ExportBodyTest {

    @Test
    void emptyCalendarIsAValidCalendarWithItsHeaderAndNoEvent() {
        String body = new ExportFixture().body();

        assertThat(body)
                .isEqualTo("BEGIN:VCALENDAR\r\n"
                        + "VERSION:2.0\r\n"
                        + "PRODID:-//bokit//bokit export 1.0//EN\r\n"
                        + "CALSCALE:GREGORIAN\r\n"
                        + "METHOD:PUBLISH\r\n"
                        + "X-WR-CALNAME:Seaview apartment\r\n"
                        + "BEGIN:VTIMEZONE\r\n"
                        + "TZID:UTC\r\n"
                        + "BEGIN:STANDARD\r\n"
                        + "DTSTART:19700101T000000\r\n"
                        + "TZOFFSETFROM:+0000\r\n"
                        + "TZOFFSETTO:+0000\r\n"
                        + "END:STANDARD\r\n"
                        + "END:VTIMEZONE\r\n"
                        + "END:VCALENDAR\r\n");
    }

    @Test
    void writesOneAllDayEventPerStayWithExclusiveEndAndStableStamp() {
        ExportFixture fixture = new ExportFixture().stay(AIRBNB, "HM1@airbnb.com", "Ann", "2026-06-01", "2026-06-05");

        String body = fixture.body();

        String uid = ExportUids.of(SEAVIEW, AIRBNB, BookingKey.of("HM1@airbnb.com"));
        assertThat(body)
                .contains("BEGIN:VEVENT\r\n"
                        + "UID:" + uid + "\r\n"
                        + "DTSTAMP:20260601T000000Z\r\n"
                        + "DTSTART;VALUE=DATE:20260601\r\n"
                        + "DTEND;VALUE=DATE:20260605\r\n"
                        + "ORGANIZER;CN=bokit:mailto:calendar@bokit.invalid\r\n"
                        + "SUMMARY:Not available\r\n"
                        + "TRANSP:OPAQUE\r\n"
                        + "END:VEVENT\r\n");
        assertThat(uid).matches("[0-9a-f]{32}@bokit");
    }

    @Test
    void privateByDefaultNoGuestNamePhoneEmailOrUrlEverLeaves() {
        ExportFixture fixture =
                new ExportFixture().stay(AIRBNB, "HM1@airbnb.com", "Ann Smith", "2026-06-01", "2026-06-05");

        String hidden = fixture.body();
        String shown = fixture.bodyWithNames();

        assertThat(hidden).doesNotContain("Ann", "HM1", "airbnb", "+33", "example.com", "HMSECRET", "seaview-");
        assertThat(shown).contains("SUMMARY:Ann Smith\r\n").doesNotContain("+33", "example.com", "HMSECRET", "HM1");
    }

    @Test
    void optedInGuestNameNeverCarriesAUrlsSecret() {
        ExportFixture fixture = new ExportFixture()
                .stay(AIRBNB, "a", "Ann https://evil.example/r?token=SECRET42", "2026-06-01", "2026-06-05");

        String body = fixture.bodyWithNames();

        assertThat(body).doesNotContain("SECRET42").contains("SUMMARY:Ann https://evil.example/r?…\r\n");
    }

    @Test
    void optedInSummaryIsReservedWithoutAGuestNameAndBlocksStayNotAvailable() {
        ExportFixture fixture = new ExportFixture()
                .stay(AIRBNB, "a", null, "2026-06-01", "2026-06-05")
                .add(
                        BOOKING,
                        "b",
                        BookingData.allDay(BookingStatus.UNAVAILABLE, "Owner", date("2026-07-01"), date("2026-07-03")));

        String body = fixture.bodyWithNames();

        assertThat(body)
                .contains("SUMMARY:Reserved\r\n", "SUMMARY:Not available\r\n")
                .doesNotContain("Owner");
    }

    @Test
    void leavesOutVanishedDeletedAndCancelledBookings() {
        ExportFixture fixture = new ExportFixture().stay(AIRBNB, "live", "Ann", "2026-06-01", "2026-06-05");
        for (BookingStatus status : List.of(
                BookingStatus.VANISHED,
                BookingStatus.CANCELLED,
                BookingStatus.CANCELLED_BY_GUEST,
                BookingStatus.CANCELLED_BY_OWNER,
                BookingStatus.DELETED)) {
            fixture.add(
                    AIRBNB, status.code(), BookingData.allDay(status, null, date("2026-08-01"), date("2026-08-03")));
        }
        BookingData block = BookingData.allDay(BookingStatus.UNAVAILABLE, null, date("2026-09-01"), date("2026-09-03"));
        fixture.add(new Booking(SEAVIEW, BOOKING, BookingKey.of("soft-deleted"), block, block, true));

        assertThat(fixture.export(ExportCommand.of(SEAVIEW)).events()).isEqualTo(1);
        assertThat(fixture.body()).doesNotContain("20260801", "20260901");
    }

    @Test
    void pastWindowKeepsStaysThatCheckedOutThirtyDaysAgoOrLater() {
        ExportFixture fixture = new ExportFixture()
                .stay(AIRBNB, "gone", "A", "2026-03-20", "2026-03-31") // 31 days before 2026-05-01
                .stay(AIRBNB, "edge", "B", "2026-03-25", "2026-04-01") // exactly 30 days before
                .stay(AIRBNB, "now", "C", "2026-04-28", "2026-05-03");

        String body = fixture.body();
        String wide = fixture.export(ExportCommand.of(SEAVIEW).withPastWindow(Period.ofDays(31)))
                .body();
        String none = fixture.export(ExportCommand.of(SEAVIEW).withPastWindow(Period.ZERO))
                .body();

        assertThat(body).doesNotContain("DTEND;VALUE=DATE:20260331").contains("DTEND;VALUE=DATE:20260401");
        assertThat(wide).contains("DTEND;VALUE=DATE:20260331");
        assertThat(none).doesNotContain("DTEND;VALUE=DATE:20260401").contains("DTEND;VALUE=DATE:20260503");
    }

    @Test
    void timedBookingsAreExportedAllDayByTheirLocalDates() {
        ZonedDateTime start = ZonedDateTime.parse("2026-06-01T16:00:00+02:00[Europe/Paris]");
        ZonedDateTime end = ZonedDateTime.parse("2026-06-04T10:00:00+02:00[Europe/Paris]");
        ExportFixture fixture = new ExportFixture()
                .add(
                        AIRBNB,
                        "timed",
                        new BookingData(
                                BookingStatus.CONFIRMED,
                                null,
                                date("2026-06-01"),
                                date("2026-06-04"),
                                start,
                                end,
                                Map.of()));

        String body = fixture.body();

        assertThat(body)
                .contains("DTSTART;VALUE=DATE:20260601\r\n", "DTEND;VALUE=DATE:20260604\r\n")
                .doesNotContain("T160000", "TZID");
    }

    @Test
    void aStayEndingTheDayItStartsBlocksThatOneDay() {
        ExportFixture fixture = new ExportFixture().stay(AIRBNB, "same-day", null, "2026-06-01", "2026-06-01");

        assertThat(fixture.body()).contains("DTSTART;VALUE=DATE:20260601\r\n", "DTEND;VALUE=DATE:20260602\r\n");
    }

    @Test
    void sameBookingsGiveTheSameBytesInCheckInThenUidOrder() {
        ExportFixture one = new ExportFixture()
                .stay(AIRBNB, "b", null, "2026-06-01", "2026-06-03")
                .stay(BOOKING, "a", null, "2026-06-01", "2026-06-04")
                .stay(AIRBNB, "c", null, "2026-05-20", "2026-05-22");
        ExportFixture two = new ExportFixture()
                .stay(AIRBNB, "c", null, "2026-05-20", "2026-05-22")
                .stay(BOOKING, "a", null, "2026-06-01", "2026-06-04")
                .stay(AIRBNB, "b", null, "2026-06-01", "2026-06-03");

        String body = one.body();

        assertThat(two.body()).isEqualTo(body);
        List<String> starts = Arrays.stream(body.split("\r\n"))
                .filter(l -> l.startsWith("DTSTART"))
                .toList();
        assertThat(starts)
                .containsExactly(
                        "DTSTART;VALUE=DATE:20260520", "DTSTART;VALUE=DATE:20260601", "DTSTART;VALUE=DATE:20260601");
        List<String> uids = Arrays.stream(body.split("\r\n"))
                .filter(l -> l.startsWith("UID:"))
                .toList();
        assertThat(uids.get(1)).isLessThan(uids.get(2));
    }

    @Test
    void uidsAreStablePerBookingAndDifferPerFeedCalendarAndOccurrence() {
        String uid = ExportUids.of(SEAVIEW, AIRBNB, BookingKey.of("x"));

        assertThat(ExportUids.of(SEAVIEW, AIRBNB, BookingKey.of("x"))).isEqualTo(uid);
        assertThat(List.of(
                        ExportUids.of(SEAVIEW, BOOKING, BookingKey.of("x")),
                        ExportUids.of(CalendarKey.of("other"), AIRBNB, BookingKey.of("x")),
                        ExportUids.of(SEAVIEW, AIRBNB, new BookingKey("x", "20260601")),
                        ExportUids.of(SEAVIEW, AIRBNB, BookingKey.of("x20260601"))))
                .doesNotContain(uid)
                .doesNotHaveDuplicates();
    }

    @Test
    void escapesTextBackslashCommaSemicolonAndLineBreaks() {
        ExportFixture fixture = new ExportFixture("Sea, sun; and \\ fun\nline two\r\nthree")
                .stay(AIRBNB, "a", "O'Brien, Ann; \"Jr\"\\\nsecond", "2026-06-01", "2026-06-03");

        String body = fixture.bodyWithNames();

        assertThat(body)
                .contains("X-WR-CALNAME:Sea\\, sun\\; and \\\\ fun\\nline two\\nthree\r\n")
                .contains("SUMMARY:O'Brien\\, Ann\\; \"Jr\"\\\\\\nsecond\r\n");
    }

    @Test
    void controlCharactersAndLoneSurrogatesBecomeSpaces() {
        assertThat(ICalWriter.escape("a\u0000b\u001Fc\u007Fd\tq\uD800r")).isEqualTo("a b c d\tq r");
    }

    @Test
    void foldsLongLinesAtSeventyFiveOctetsWithoutSplittingUtf8() {
        String name = "Zoë 🏖 Ünïcødé Ĝüëšţ ".repeat(20) + "日本語の名前".repeat(10);
        ExportFixture fixture =
                new ExportFixture("Ferienwohnung Möwe ".repeat(30)).stay(AIRBNB, "a", name, "2026-06-01", "2026-06-03");

        String body = fixture.bodyWithNames();

        ExportAssertions.assertFoldedWithinLimits(body);
        String unfolded = body.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + name.strip() + "\r\n");
        assertThat(body.lines().count()).isGreaterThan(20);
    }

    @Test
    void foldsAtTheLastWholeSequenceForEveryOffset() {
        for (int prefix = 0; prefix < 8; prefix++) {
            for (String character : List.of("é", "€", "🏖")) {
                StringBuilder out = new StringBuilder();
                ICalWriter.line(out, "SUMMARY:" + "x".repeat(prefix) + character.repeat(60));

                ExportAssertions.assertFoldedWithinLimits(out.toString());
                assertThat(out.toString().replace("\r\n ", ""))
                        .isEqualTo("SUMMARY:" + "x".repeat(prefix) + character.repeat(60) + "\r\n");
            }
        }
    }

    @Test
    void aLineOfExactlySeventyFiveOctetsIsNotFolded() {
        StringBuilder out = new StringBuilder();
        String line = "SUMMARY:" + "x".repeat(67);

        ICalWriter.line(out, line);

        assertThat(line.getBytes(StandardCharsets.UTF_8)).hasSize(75);
        assertThat(out).hasToString(line + "\r\n");
    }

    @Test
    void refusesAnUnknownCalendarAndAFeedOfAnotherCalendarOrNoFeed() {
        ExportFixture fixture = new ExportFixture();

        assertThatThrownBy(() -> fixture.export(ExportCommand.of(CalendarKey.of("nowhere"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown calendar nowhere");
        assertThatThrownBy(() -> fixture.export(ExportCommand.forFeed(SEAVIEW, FeedId.of("nope"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown feed nope");
    }

    @Test
    void commandRefusesANegativePastWindow() {
        assertThatThrownBy(() -> ExportCommand.of(SEAVIEW).withPastWindow(Period.ofDays(-1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("P-1D");
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
