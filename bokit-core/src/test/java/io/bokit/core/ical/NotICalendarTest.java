package io.bokit.core.ical;

import static io.bokit.core.ical.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.FeedParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotICalendarTest {

    @Test
    void rejectsHtmlPageWithoutQuotingIt() {
        // given a login page served with 200
        String body = "<!DOCTYPE html>\n<html><body>Please log in, secret-token-123</body></html>";

        // when / then
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("HTML")
                .hasMessageNotContaining("secret");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   \r\n\t\n", "\uFEFF"})
    void rejectsEmptyBody(String body) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void refusesComponentsNestedDeeperThanAnyFeedInsteadOfOverflowingTheStack() {
        // given 10,000 nested components (found by fuzzing: ical4j recursed once per level, and the
        // StackOverflowError escaped the parser and then the sync run)
        String body =
                "BEGIN:VCALENDAR\n" + "BEGIN:X-FOO\n".repeat(10_000) + "END:X-FOO\n".repeat(10_000) + "END:VCALENDAR\n";

        // when / then
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("nests components more than 50 deep");
    }

    @Test
    void rejectsBodyTruncatedBeforeEndOfCalendar() {
        // given
        String body = Fixtures.AIRBNB_NEW.substring(0, Fixtures.AIRBNB_NEW.indexOf("END:VEVENT"));

        // when / then
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsBodyWithoutBeginCalendar() {
        // given events without their calendar
        String body = "BEGIN:VEVENT\nUID:x\nDTSTART;VALUE=DATE:20250701\nEND:VEVENT\n";

        // when / then
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("BEGIN:VCALENDAR");
    }

    @Test
    void rejectsGarbage() {
        // given binary noise
        String body = "\u0001\u0002PK\u0003\u0004\u00ff\u00fe garbage \u0000 more";

        // when / then
        assertThatThrownBy(() -> parse(body)).isInstanceOf(FeedParseException.class);
    }

    @Test
    void skipsOnlyTheEventOfACalendarWithBrokenStructure() {
        // given a parameter without a value and an event that never ends (once a feed error, issue 23: no single
        // line fails a feed that is otherwise iCalendar)
        String body = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nORGA;IZstudio.org\nDTSTART:20250701\n"
                + "END:VTODO\nEND:VCALENDAR\n";

        // when
        ParsedFeed feed = parse(body);

        // then the event is damaged: skipped and counted
        assertThat(feed.events()).isEmpty();
        assertThat(feed.skipped()).isEqualTo(1);
    }

    @Test
    void acceptsValidCalendarWithoutEvents() {
        // given
        String body = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Empty//EN\r\nEND:VCALENDAR\r\n";

        // when
        ParsedFeed feed = parse(body);

        // then
        assertThat(feed.events()).isEmpty();
        assertThat(feed.eventsSeen()).isZero();
    }
}
