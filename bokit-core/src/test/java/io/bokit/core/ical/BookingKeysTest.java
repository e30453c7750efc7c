package io.bokit.core.ical;

import static io.bokit.core.ical.Fixtures.calendar;
import static io.bokit.core.ical.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingKey;
import org.junit.jupiter.api.Test;

class BookingKeysTest {

    private static BookingKey keyOf(String body) {
        return parse(body).events().get(0).key();
    }

    @Test
    void usesTrimmedUid() {
        assertThat(keyOf(calendar("UID:  abc@example.org ", "DTSTART:20250701")))
                .isEqualTo(BookingKey.of("abc@example.org"));
    }

    @Test
    void derivesStableKeyWithoutUid() {
        // given the same event written twice, once with other line ends and property order
        String first = calendar("DTSTART;VALUE=DATE:20250701", "DTEND;VALUE=DATE:20250705", "SUMMARY:Reserved");
        String second =
                Fixtures.crlf(calendar("SUMMARY:Reserved", "DTEND;VALUE=DATE:20250705", "DTSTART;VALUE=DATE:20250701"));

        // when
        BookingKey key = keyOf(first);

        // then
        assertThat(key.uid()).startsWith("derived-").hasSize("derived-".length() + 32);
        assertThat(key.recurrenceId()).isNull();
        assertThat(keyOf(second)).isEqualTo(key);
    }

    @Test
    void derivedKeyChangesWithDatesOrSummary() {
        // given
        BookingKey base = keyOf(calendar("DTSTART;VALUE=DATE:20250701", "DTEND;VALUE=DATE:20250705", "SUMMARY:A"));

        // when
        BookingKey otherEnd = keyOf(calendar("DTSTART;VALUE=DATE:20250701", "DTEND;VALUE=DATE:20250706", "SUMMARY:A"));
        BookingKey otherSummary =
                keyOf(calendar("DTSTART;VALUE=DATE:20250701", "DTEND;VALUE=DATE:20250705", "SUMMARY:B"));

        // then
        assertThat(otherEnd).isNotEqualTo(base);
        assertThat(otherSummary).isNotEqualTo(base);
    }

    @Test
    void derivedKeyIsPinnedAcrossReleases() {
        // given stored bookings depend on the recipe: SHA-256 of "start|end|summary", first 16 bytes in hex
        String body = calendar("DTSTART;VALUE=DATE:20250701", "DTEND;VALUE=DATE:20250705", "SUMMARY:Reserved");

        // when
        BookingKey key = keyOf(body);

        // then
        assertThat(key.uid()).isEqualTo("derived-ef7b431e669a73fca9cc5ba7427fdeee");
    }

    @Test
    void overrideIsKeyedByUidAndOriginalStart() {
        // given
        String body = calendar(
                "UID:series-1",
                "RECURRENCE-ID;VALUE=DATE:20250710",
                "DTSTART;VALUE=DATE:20250711",
                "DTEND;VALUE=DATE:20250712");

        // when / then
        assertThat(keyOf(body)).isEqualTo(new BookingKey("series-1", "2025-07-10"));
    }
}
