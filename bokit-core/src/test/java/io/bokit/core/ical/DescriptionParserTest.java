package io.bokit.core.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptionParserTest {

    @Test
    void readsAirbnbReservationUrlAndPhoneDigits() {
        // when
        DescriptionParser.Description description = DescriptionParser.parse(
                "Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM12345678\\n"
                        + "Phone Number (Last 4 Digits): 0007");

        // then
        assertThat(description.status()).isNull();
        assertThat(description.metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "reservation_url", "https://www.airbnb.com/hosting/reservations/details/HM12345678",
                        "phone_last4", "0007"));
    }

    @Test
    void splitsStatusAndGroup() {
        // when
        DescriptionParser.Description description = DescriptionParser.parse("STATUS: Confirmed / Family");

        // then
        assertThat(description.status()).isEqualTo("Confirmed");
        assertThat(description.metadata()).containsExactly(Map.entry("group", "Family"));
    }

    @Test
    void readsSingularAndPluralGuestKeys() {
        // when
        DescriptionParser.Description description =
                DescriptionParser.parse("GUESTS: 4\\nADULT: 3\\nCHILDREN: 1\\nMOBILE: 4915112345678\\nCOUNTRY: DE");

        // then
        assertThat(description.metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "guests", "4", "adults", "3", "children", "1", "mobile", "+4915112345678", "country", "DE"));
    }

    @Test
    void keepsFormattedPhoneNumbersAsTheyAre() {
        // when
        DescriptionParser.Description description = DescriptionParser.parse("PHONE: +33 6 12 34 56 78");

        // then
        assertThat(description.metadata()).containsEntry("phone", "+33 6 12 34 56 78");
    }

    @Test
    void keepsOtaWithoutReference() {
        // when
        DescriptionParser.Description description = DescriptionParser.parse("OTA: Expedia");

        // then
        assertThat(description.metadata()).containsExactly(Map.entry("ota", "Expedia"));
    }

    @Test
    void keepsUnknownKeysUnderSnakeCaseName() {
        // when
        DescriptionParser.Description description = DescriptionParser.parse("Door Code (Main): 42\\nWi-Fi: guest");

        // then
        assertThat(description.metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of("door_code_main", "42", "wi_fi", "guest"));
    }

    @Test
    void ignoresFreeTextEmptyValuesAndBareUrls() {
        // when
        DescriptionParser.Description description = DescriptionParser.parse(
                "Hello there\\, see you soon\\n@Bob: bring keys\\nhttps://example.org/x\\nEMAIL:\\n\\n");

        // then
        assertThat(description.metadata()).isEmpty();
        assertThat(description.status()).isNull();
    }

    @Test
    void unescapesText() {
        assertThat(DescriptionParser.unescape("a\\nb\\Nc\\,d\\;e\\\\f")).isEqualTo("a\nb\nc,d;e\\f");
    }

    @Test
    void givesEmptyDescriptionForNull() {
        assertThat(DescriptionParser.parse(null).metadata()).isEmpty();
    }
}
