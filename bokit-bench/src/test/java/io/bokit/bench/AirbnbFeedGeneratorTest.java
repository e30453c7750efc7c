package io.bokit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.FeedEvent;
import io.bokit.core.ical.ICalParser;
import io.bokit.core.ical.ParseContext;
import io.bokit.core.ical.ParsedFeed;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

class AirbnbFeedGeneratorTest {
    private static final int EVENTS = AirbnbFeedGenerator.DEFAULT_EVENTS;
    private static final String FEED = AirbnbFeedGenerator.generate();
    private static final ParseContext CONTEXT = ParseContext.of(ZoneId.of("Europe/Paris"), LocalDate.of(2025, 10, 22));

    @Test
    void bokitParsesEveryGeneratedEvent() {
        // when
        ParsedFeed parsed = new ICalParser().parse(FEED, CONTEXT);

        // then
        assertThat(parsed.events()).hasSize(EVENTS);
        assertThat(parsed.eventsSeen()).isEqualTo(EVENTS);
        assertThat(parsed.skipped()).isZero();
        assertThat(parsed.events()).map(FeedEvent::data).allSatisfy(AirbnbFeedGeneratorTest::isAirbnbBooking);
    }

    @Test
    void ical4jCalendarBuilderReadsEveryGeneratedEvent() throws Exception {
        // when
        Calendar calendar = new CalendarBuilder().build(new StringReader(FEED));

        // then
        assertThat(calendar.getComponents(Component.VEVENT)).hasSize(EVENTS);
    }

    @Test
    void writesAnAirbnbHostingCalendarWithCrlfLinesFoldedAt75Octets() {
        // then
        assertThat(FEED)
                .startsWith("BEGIN:VCALENDAR\r\nPRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN\r\n")
                .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")
                .contains("\r\n tails/HM", "\\nPhone Number (Last 4 Digits): ", "@airbnb.com\r\n");
        assertThat(FEED.replace("\r\n", "")).doesNotContain("\r", "\n");
        assertThat(FEED.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
    }

    @Test
    void sameSeedGivesTheSameFeedAndAnotherSeedAnotherOne() {
        // then
        assertThat(AirbnbFeedGenerator.generate(100, 7)).isEqualTo(AirbnbFeedGenerator.generate(100, 7));
        assertThat(AirbnbFeedGenerator.generate(100, 7)).isNotEqualTo(AirbnbFeedGenerator.generate(100, 8));
    }

    @Test
    void everyBenchmarkSeesTheSameEvents() throws Exception {
        // given
        ParseBenchmark benchmark = new ParseBenchmark();
        benchmark.events = 500;
        benchmark.generateFeed();

        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

        // then
        assertThat(benchmark.bokit().events()).hasSize(500);
        assertThat(benchmark.ical4jCalendarBuilder(blackhole)).isEqualTo(500);
        assertThat(benchmark.scanBaseline()).isEqualTo(500);
    }

    private static void isAirbnbBooking(BookingData data) {
        assertThat(data.checkOut()).isAfter(data.checkIn());
        if (data.status() == BookingStatus.CONFIRMED) {
            assertThat(data.metadata().get("reservation_url"))
                    .startsWith("https://www.airbnb.com/hosting/reservations/details/HM");
            assertThat(data.metadata().get("phone_last4")).matches("[0-9]{4}");
        } else {
            assertThat(data.status()).isEqualTo(BookingStatus.UNAVAILABLE);
            assertThat(data.metadata()).isEmpty();
        }
    }
}
