package io.bokit.core.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.bokit.core.domain.FeedEvent;
import io.bokit.core.domain.FeedParseException;
import io.bokit.core.fuzz.Fuzz;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the parser with mutated channel feeds, generated calendars and garbage: {@link ICalParser#parse} either
 * returns a {@link ParsedFeed} or throws a {@link FeedParseException} — never any other exception — finishes within
 * {@link #HANG_GUARD} (a guard against hangs, not a speed test), and returns a number of events bounded by its input.
 *
 * <p>Seeded and bounded for {@code mvn verify}; see {@link Fuzz} for the longer run ({@code -Dbokit.fuzz.tries}).
 */
class ICalParserFuzzTest {
    /** Far above any real parse: it only tells a hang from a slow machine. */
    static final Duration HANG_GUARD = Duration.ofSeconds(20);

    /** The seeds of mutation: the channel fixtures and two recurring feeds. */
    static final List<String> CORPUS = List.of(
            Fixtures.AIRBNB_OLD,
            Fixtures.AIRBNB_NEW,
            Fixtures.BOOKING_COM,
            Fixtures.AGODA,
            Fixtures.BEDS24,
            Fixtures.OWNERREZ,
            Fixtures.GOOGLE,
            Fixtures.calendar(
                    "UID:daily@test",
                    "DTSTART;VALUE=DATE:20250101",
                    "DTEND;VALUE=DATE:20250102",
                    "RRULE:FREQ=DAILY",
                    "RDATE;VALUE=DATE:20240101,20240102/P1D,20990101",
                    "EXDATE;VALUE=DATE:20250105",
                    "SUMMARY:Blocked"),
            Fixtures.calendar(
                    "UID:hourly@test",
                    "DTSTART;TZID=W. Europe Standard Time:20250601T100000",
                    "DURATION:PT2H",
                    "RRULE:FREQ=HOURLY;INTERVAL=5;UNTIL=20270101T000000Z",
                    "SUMMARY:CLOSED - Ann"));

    private static final List<ZoneId> ZONES = List.of(
                    "UTC", "Europe/Paris", "America/New_York", "Pacific/Kiritimati", "America/St_Johns", "Asia/Kolkata")
            .stream()
            .map(ZoneId::of)
            .toList();

    private static final ICalParser PARSER = new ICalParser();

    @Test
    void mutatedFeedIsParsedOrRefusedNeverAnotherException() {
        Fuzz.check("parser.mutated-feeds", 300, ICalParserFuzzTest::mutatedFeed, ICalParserFuzzTest::checkParse);
    }

    @Test
    void generatedCalendarIsParsedOrRefusedNeverAnotherException() {
        Fuzz.check(
                "parser.generated-calendars",
                400,
                random -> new Input(Generators.calendar(random), context(random), "generated"),
                ICalParserFuzzTest::checkParse);
    }

    @Test
    void garbageIsRefusedOrParsedNeverAnotherException() {
        Fuzz.check(
                "parser.garbage",
                600,
                random -> new Input(Generators.garbage(random), context(random), "garbage"),
                ICalParserFuzzTest::checkParse);
    }

    /** A body, the context to parse it in and how it was made. */
    record Input(String body, ParseContext context, String origin) {
        @Override
        public String toString() {
            return origin + " in " + context + ": " + Fuzz.preview(body);
        }
    }

    /** A corpus feed (or a generated calendar) with one to six mutations. */
    static Input mutatedFeed(Random random) {
        String seed = random.nextInt(4) > 0 ? Generators.pick(random, CORPUS) : Generators.calendar(random);
        List<Mutations.Mutation> mutations = Mutations.some(random);
        return new Input(Mutations.apply(seed, mutations), context(random), "mutated by " + mutations);
    }

    /** A calendar zone, a day around the fixtures' today, mostly the default recurrence window. */
    static ParseContext context(Random random) {
        ParseContext context = ParseContext.of(
                Generators.pick(random, ZONES), Fixtures.TODAY.plusDays(Generators.between(random, -400, 400)));
        return random.nextInt(5) > 0
                ? context
                : context.withWindow(Period.ofMonths(random.nextInt(41)), Period.ofMonths(random.nextInt(41)));
    }

    /** Parses under the hang guard and checks the outcome: any exception but a FeedParseException fails. */
    static String checkParse(Input input) {
        ParsedFeed feed = parseGuarded(input.body(), input.context());
        if (feed == null) {
            return "refused";
        }
        String unfolded = LineUnfolder.unfold(input.body());
        assertThat(feed.eventsSeen()).isLessThanOrEqualTo(countLines(unfolded, "BEGIN:VEVENT"));
        assertThat(feed.skipped()).isLessThanOrEqualTo(feed.eventsSeen());
        // each VEVENT gives itself, at most MAX_OCCURRENCES rule occurrences, and its RDATE values (text of the body)
        assertThat((long) feed.events().size())
                .isLessThanOrEqualTo(
                        (long) feed.eventsSeen() * (RecurrenceExpander.MAX_OCCURRENCES + 1) + unfolded.length());
        for (FeedEvent event : feed.events()) {
            assertThat(event.data().checkOut()).isAfterOrEqualTo(event.data().checkIn());
        }
        return feed.events().isEmpty() ? "parsed, no event" : "parsed";
    }

    /** The parsed feed, or null when the parser refused the body with a FeedParseException. */
    static ParsedFeed parseGuarded(String body, ParseContext context) {
        return assertTimeoutPreemptively(
                HANG_GUARD,
                () -> {
                    try {
                        return PARSER.parse(body, context);
                    } catch (FeedParseException e) {
                        return null;
                    }
                },
                () -> "parse did not finish within " + HANG_GUARD);
    }

    private static int countLines(String unfolded, String line) {
        int count = 0;
        for (int at = unfolded.indexOf(line); at >= 0; at = unfolded.indexOf(line, at + 1)) {
            if (at == 0 || unfolded.charAt(at - 1) == '\n') {
                count++;
            }
        }
        return count;
    }
}
