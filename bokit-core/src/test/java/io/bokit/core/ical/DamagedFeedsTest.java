package io.bokit.core.ical;

import static io.bokit.core.ical.Fixtures.calendar;
import static io.bokit.core.ical.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DamagedFeedsTest {

    private static BookingData only(ParsedFeed feed) {
        assertThat(feed.events()).hasSize(1);
        return feed.events().get(0).data();
    }

    @Test
    void ignoresByteOrderMark() {
        // given
        String body = "\uFEFF" + Fixtures.AGODA;

        // when / then
        assertThat(parse(body).events()).hasSize(1);
    }

    @Test
    void acceptsLfOnlyAndMixedLineEnds() {
        // given LF in one half, CRLF and a lone CR in the other
        String body = "BEGIN:VCALENDAR\nVERSION:2.0\r\nPRODID:x\rBEGIN:VEVENT\r\nUID:mixed\n"
                + "DTSTART;VALUE=DATE:20250701\r\nDTEND;VALUE=DATE:20250703\rSUMMARY:Reserved\r\n"
                + "END:VEVENT\nEND:VCALENDAR\r\n";

        // when
        BookingData stay = only(parse(body));

        // then
        assertThat(stay.checkOut()).isEqualTo(LocalDate.of(2025, 7, 3));
        assertThat(stay.status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void replacesNulAndUnpairedSurrogatesSoThatEveryStoreKeepsTheBooking() {
        // given a NUL in the guest's name and a lone surrogate in a description value
        String body = calendar(
                "UID:nul",
                "DTSTART;VALUE=DATE:20250701",
                "SUMMARY:Jean\u0000Dupont",
                "DESCRIPTION:EMAIL: a\uD800b@example.org");

        // when
        BookingData stay = only(parse(body));

        // then
        assertThat(stay.guestName()).isEqualTo("Jean\uFFFDDupont");
        assertThat(stay.metadata()).containsEntry("email", "a\uFFFDb@example.org");
    }

    @Test
    void unfoldsTabFolds() {
        // given
        String body = calendar(
                "UID:tab",
                "DTSTART;VALUE=DATE:20250701",
                "SUMMARY:Jean",
                "\tDupont",
                "DESCRIPTION:EMAIL: jean@",
                "\texample.org");

        // when
        BookingData stay = only(parse(body));

        // then
        assertThat(stay.guestName()).isEqualTo("JeanDupont");
        assertThat(stay.metadata()).containsEntry("email", "jean@example.org");
    }

    @Test
    void unfoldsFoldsBeforeTheColon() {
        // given every property folded between its name and its value (Mozilla Calendar)
        String body = "BEGIN:VCALENDAR\nVERSION\n :2.0\nBEGIN:VEVENT\nUID\n :fold\nDTSTART\n ;VALUE=DATE\n :20250701\n"
                + "SUMMARY\n :Reserved\nEND:VEVENT\nEND:VCALENDAR\n";

        // when / then
        assertThat(only(parse(body)).checkIn()).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void importsEventWhoseFoldSplitAUtf8Sequence() {
        // given the bytes of "é" split by a fold, decoded as UTF-8 (each half becomes U+FFFD)
        byte[] bytes = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:split\r\nDTSTART;VALUE=DATE:20250701\r\n"
                        + "SUMMARY:Ren\u00e9 Magritte\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int e = text.indexOf("Ren") + 3;
        String folded = text.substring(0, e + 1) + "\r\n " + text.substring(e + 1);
        String body = new String(folded.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);

        // when
        BookingData stay = only(parse(body));

        // then the event imports, with one replacement character where the letter was
        assertThat(stay.guestName()).isEqualTo("Ren\uFFFD Magritte");
    }

    @Test
    void keepsSurrogatePairSplitByAFold() {
        // given an emoji whose two UTF-16 halves are on both sides of a fold
        String body = calendar("UID:emoji", "DTSTART;VALUE=DATE:20250701", "SUMMARY:Sun \uD83C", " \uDF1E house");

        // when / then
        assertThat(only(parse(body)).guestName()).isEqualTo("Sun \uD83C\uDF1E house");
    }

    @Test
    void mapsWindowsTimeZoneNames() {
        // given
        String body = calendar(
                "UID:windows",
                "DTSTART;TZID=W. Europe Standard Time:20250701T150000",
                "DTEND;TZID=\"Pacific Standard Time\":20250702T100000");

        // when
        BookingData stay = only(parse(body));

        // then
        assertThat(stay.start().getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(stay.end().getZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void trimsPaddedAndQuotedTimeZoneIds() {
        // given
        String body = calendar(
                "UID:padded",
                "DTSTART;TZID=\"  Europe/Lisbon \":20250701T150000",
                "DTEND;TZID=/mozilla.org/20050126_1/Europe/Lisbon:20250702T100000");

        // when
        BookingData stay = only(parse(body));

        // then
        assertThat(stay.start().getZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(stay.end().getZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void fallsBackToCalendarZoneForUnknownTimeZone() {
        // given a TZID nobody knows and no VTIMEZONE
        String body = calendar("UID:unknown-zone", "DTSTART;TZID=Mars/Olympus_Mons:20250701T150000");

        // when / then
        assertThat(only(parse(body)).start()).isEqualTo(ZonedDateTime.of(2025, 7, 1, 15, 0, 0, 0, Fixtures.PARIS));
    }

    @Test
    void resolvesTimeZoneWithoutVtimezone() {
        // given a TZID with no VTIMEZONE in the feed
        String body = calendar("UID:no-vtimezone", "DTSTART;TZID=Asia/Tokyo:20250701T090000");

        // when / then
        assertThat(only(parse(body)).start().getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void acceptsDuplicateVtimezones() {
        // given the same VTIMEZONE twice
        String zone = "BEGIN:VTIMEZONE\nTZID:Europe/Berlin\nBEGIN:STANDARD\nDTSTART:19701025T030000\n"
                + "TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE\n";
        String body = "BEGIN:VCALENDAR\nVERSION:2.0\n" + zone + zone
                + "BEGIN:VEVENT\nUID:dup-tz\nDTSTART;TZID=Europe/Berlin:20250701T090000\nEND:VEVENT\nEND:VCALENDAR\n";

        // when / then
        assertThat(only(parse(body)).start().getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void takesTheFirstOfTwoDtstarts() {
        // given
        String body = calendar(
                "UID:two-starts",
                "DTSTART;VALUE=DATE:20250701",
                "DTSTART;VALUE=DATE:20250801",
                "DTEND;VALUE=DATE:20250705");

        // when / then
        assertThat(only(parse(body)).checkIn()).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void computesEndFromDuration() {
        // given
        String dates = calendar("UID:duration-days", "DTSTART;VALUE=DATE:20250701", "DURATION:P1W");
        String times = calendar("UID:duration-time", "DTSTART:20250701T220000Z", "DURATION:PT3H30M");

        // when
        BookingData week = only(parse(dates));
        BookingData night = only(parse(times));

        // then
        assertThat(week.checkOut()).isEqualTo(LocalDate.of(2025, 7, 8));
        assertThat(night.end()).isEqualTo(ZonedDateTime.of(2025, 7, 2, 1, 30, 0, 0, java.time.ZoneOffset.UTC));
        assertThat(night.checkOut()).isEqualTo(LocalDate.of(2025, 7, 2));
    }

    @Test
    void ignoresUnknownPropertiesAndAlarms() {
        // given
        String body = calendar(
                "UID:alarm",
                "X-CUSTOM;X-PARAM=1:whatever",
                "DTSTART;VALUE=DATE:20250701",
                "DTEND;VALUE=DATE:20250703",
                "SUMMARY:Reserved",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:STATUS: Cancelled",
                "SUMMARY:Alarm summary",
                "TRIGGER:-PT15M",
                "END:VALARM",
                "LOCATION:Somewhere");

        // when
        BookingData stay = only(parse(body));

        // then
        assertThat(stay.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(stay.metadata()).isEmpty();
    }

    @Test
    void importsEventsOfEveryCalendarInTheBody() {
        // given two VCALENDARs one after the other
        String body = Fixtures.AGODA + Fixtures.BOOKING_COM;

        // when
        ParsedFeed feed = parse(body);

        // then
        assertThat(feed.eventsSeen()).isEqualTo(3);
        assertThat(feed.events()).hasSize(3);
    }

    @Test
    void acceptsLowerCaseComponentNamesAndTrailingSpaces() {
        // given
        String body = "begin:vcalendar\nVERSION:2.0\nbegin:vevent \nUID:lower\nDTSTART;VALUE=DATE:20250701\n"
                + "end:vevent\nend:vcalendar  \n";

        // when / then
        assertThat(parse(body).events()).hasSize(1);
    }

    @Test
    void skipsAndCountsDamagedEvents() {
        // given one good event and four damaged ones
        String body = "BEGIN:VCALENDAR\nVERSION:2.0\n"
                + "BEGIN:VEVENT\nUID:good\nDTSTART;VALUE=DATE:20250701\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nUID:no-start\nSUMMARY:Reserved\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nUID:bad-date\nDTSTART:2025-13-45\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nUID:garbage-date\nDTSTART:tomorrow\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nUID:backwards\nDTSTART;VALUE=DATE:20250710\nDTEND;VALUE=DATE:20250701\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nUID:bad-duration\nDTSTART;VALUE=DATE:20250710\nDURATION:-P1D\nEND:VEVENT\n"
                + "END:VCALENDAR\n";

        // when
        ParsedFeed feed = parse(body);

        // then
        assertThat(feed.events()).extracting(e -> e.key().uid()).containsExactly("good");
        assertThat(feed.skipped()).isEqualTo(5);
        assertThat(feed.eventsSeen()).isEqualTo(6);
    }
}
