package io.bokit.core.ical;

import static io.bokit.core.ical.Fixtures.calendar;
import static io.bokit.core.ical.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRulesTest {

    private static BookingData event(String... lines) {
        String[] all = new String[lines.length + 2];
        all[0] = "UID:status-test";
        all[1] = "DTSTART;VALUE=DATE:20250701";
        System.arraycopy(lines, 0, all, 2, lines.length);
        return parse(calendar(all)).events().get(0).data();
    }

    @ParameterizedTest(name = "SUMMARY \"{0}\" gives {1} with guest \"{2}\"")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "Reserved|CONFIRMED|-",
                "'  reserved  '|CONFIRMED|-",
                "' BOOKED'|CONFIRMED|-",
                "Airbnb (Not available)|UNAVAILABLE|-",
                "Not available|UNAVAILABLE|-",
                "Unavailable|UNAVAILABLE|-",
                "Blocked|UNAVAILABLE|-",
                "CLOSED - Not available|UNAVAILABLE|-",
                "CLOSED - Jane Doe|CONFIRMED|Jane Doe",
                "John Smith|UNDEFINED|John Smith",
                "Smith\\, John|UNDEFINED|Smith, John",
            })
    void mapsSummaryToStatusAndGuest(String summary, BookingStatus status, String guest) {
        // when
        BookingData data = event("SUMMARY:" + summary);

        // then
        assertThat(data.status()).isEqualTo(status);
        assertThat(data.guestName()).isEqualTo(guest);
    }

    @Test
    void leavesStatusUndefinedWithoutSummary() {
        // when
        BookingData data = event();

        // then
        assertThat(data.status()).isEqualTo(BookingStatus.UNDEFINED);
        assertThat(data.guestName()).isNull();
    }

    @ParameterizedTest(name = "description STATUS \"{0}\" gives {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Confirmed|CONFIRMED",
                "new|CONFIRMED",
                "Cancelled|CANCELLED",
                "Canceled|CANCELLED",
                "Cancelled by guest|CANCELLED_BY_GUEST",
                "Inquiry|INQUIRY",
                "Request|INQUIRY",
                "Black|BLOCKED",
                "Blocked|BLOCKED",
                "Unavailable|UNAVAILABLE",
                "Vanished|UNDEFINED",
                "Something else|UNDEFINED",
            })
    void descriptionStatusWinsOverSummary(String text, BookingStatus status) {
        // when
        BookingData data = event("SUMMARY:Reserved", "DESCRIPTION:STATUS: " + text);

        // then
        assertThat(data.status()).isEqualTo(status);
    }

    @Test
    void keepsGuestNameFromSummaryWithDescriptionStatus() {
        // when
        BookingData data = event("SUMMARY:Ada Lovelace", "DESCRIPTION:STATUS: Request/Web");

        // then
        assertThat(data.status()).isEqualTo(BookingStatus.INQUIRY);
        assertThat(data.guestName()).isEqualTo("Ada Lovelace");
        assertThat(data.metadata()).containsEntry("group", "Web");
    }

    @Test
    void cancelledEventStatusOverridesEverything() {
        // when
        BookingData data = event("SUMMARY:Reserved", "DESCRIPTION:STATUS: Confirmed", "STATUS:CANCELLED");

        // then
        assertThat(data.status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void otherEventStatusesChangeNothing() {
        // when
        BookingData data = event("SUMMARY:Reserved", "STATUS:TENTATIVE");

        // then
        assertThat(data.status()).isEqualTo(BookingStatus.CONFIRMED);
    }
}
