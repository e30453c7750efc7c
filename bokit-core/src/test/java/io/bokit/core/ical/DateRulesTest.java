package io.bokit.core.ical;

import static io.bokit.core.ical.Fixtures.calendar;
import static io.bokit.core.ical.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DateRulesTest {

    private static BookingData event(String... lines) {
        String[] all = new String[lines.length + 1];
        all[0] = "UID:date-test";
        System.arraycopy(lines, 0, all, 1, lines.length);
        return parse(calendar(all)).events().get(0).data();
    }

    @Test
    void allDayEventEndsOnItsExclusiveDtend() {
        // when
        BookingData data = event("DTSTART;VALUE=DATE:20250701", "DTEND;VALUE=DATE:20250704");

        // then
        assertThat(data.allDay()).isTrue();
        assertThat(data.checkIn()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(data.checkOut()).isEqualTo(LocalDate.of(2025, 7, 4));
    }

    @Test
    void allDayEventWithoutDtendLastsOneDay() {
        assertThat(event("DTSTART;VALUE=DATE:20250701").checkOut()).isEqualTo(LocalDate.of(2025, 7, 2));
    }

    @Test
    void allDayEventEndingOnItsStartLastsOneDay() {
        assertThat(event("DTSTART;VALUE=DATE:20250701", "DTEND;VALUE=DATE:20250701")
                        .checkOut())
                .isEqualTo(LocalDate.of(2025, 7, 2));
    }

    @Test
    void bareEightDigitValueIsADate() {
        assertThat(event("DTSTART:20250701", "DTEND:20250703").allDay()).isTrue();
    }

    @Test
    void utcTimeKeepsUtcAndGivesDaysInCalendarZone() {
        // when 23:30 UTC is already the next day in Paris
        BookingData data = event("DTSTART:20250701T233000Z", "DTEND:20250703T080000Z");

        // then
        assertThat(data.start()).isEqualTo(ZonedDateTime.of(2025, 7, 1, 23, 30, 0, 0, ZoneOffset.UTC));
        assertThat(data.checkIn()).isEqualTo(LocalDate.of(2025, 7, 2));
        assertThat(data.checkOut()).isEqualTo(LocalDate.of(2025, 7, 3));
    }

    @Test
    void floatingTimeIsInCalendarZone() {
        // when
        BookingData data = event("DTSTART:20250701T150000", "DTEND:20250705T100000");

        // then
        assertThat(data.start()).isEqualTo(ZonedDateTime.of(2025, 7, 1, 15, 0, 0, 0, Fixtures.PARIS));
        assertThat(data.end()).isEqualTo(ZonedDateTime.of(2025, 7, 5, 10, 0, 0, 0, Fixtures.PARIS));
    }

    @Test
    void timeWithTzidKeepsItsZone() {
        // when
        BookingData data = event("DTSTART;TZID=Australia/Sydney:20250701T090000");

        // then
        assertThat(data.start().getZone()).isEqualTo(ZoneId.of("Australia/Sydney"));
        assertThat(data.checkIn()).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void timedEventWithoutDtendEndsWhenItStarts() {
        // when
        BookingData data = event("DTSTART:20250701T150000Z");

        // then
        assertThat(data.end()).isEqualTo(data.start());
        assertThat(data.checkOut()).isEqualTo(data.checkIn());
    }

    @Test
    void acceptsIsoDashesAndMissingSeconds() {
        // when
        BookingData data = event("DTSTART:2025-07-01T15:00Z");

        // then
        assertThat(data.start()).isEqualTo(ZonedDateTime.of(2025, 7, 1, 15, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void dateDtendOfTimedEventEndsAtMidnight() {
        // when
        BookingData data = event("DTSTART:20250701T150000", "DTEND;VALUE=DATE:20250703");

        // then
        assertThat(data.end()).isEqualTo(ZonedDateTime.of(2025, 7, 3, 0, 0, 0, 0, Fixtures.PARIS));
    }
}
