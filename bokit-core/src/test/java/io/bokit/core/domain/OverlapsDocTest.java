package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.bokit.core.domain.DocExamples.Example;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the double-booking examples of docs/sync-rules.md true: every {@code ```overlaps} block is turned into one
 * calendar's bookings (lines as in {@link EchoRulesDocTest}: {@code feed key status check-in check-out}, optionally
 * {@code seen=} and {@code changed=}) and checked with {@link Overlaps} (today is 2026-05-01) against the
 * {@code between | nights} table that follows it: one row per double booking, the two bookings as {@code feed/key}
 * separated by {@code <br>} and the nights as {@code from..to}; a single row {@code — | —} means none. A block
 * without that table fails.
 */
class OverlapsDocTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-05-01");

    @TestFactory
    Stream<DynamicTest> everyDoubleBookingExampleFindsWhatItsTableShows() {
        List<Example> examples = examples(read());

        assertThat(examples).as("overlaps examples in docs/sync-rules.md").hasSizeGreaterThanOrEqualTo(5);
        return examples.stream()
                .map(example -> DynamicTest.dynamicTest(
                        "line " + example.line() + " (" + example.heading() + ")", () -> check(example)));
    }

    private static void check(Example example) {
        String where = "docs/sync-rules.md line " + example.line() + " (" + example.heading() + ")";
        if (example.rows().isEmpty()) {
            fail(where + ": this overlaps block has no `between | nights` table after it");
        }
        List<Booking> bookings = new ArrayList<>();
        Map<Booking, Instant> seen = new HashMap<>();
        Map<Booking, Instant> changed = new HashMap<>();
        for (String line : example.bookings()) {
            String[] words = line.strip().split("\\s+");
            assertThat(words.length).as(where + ": bookings line " + line).isBetween(5, 7);
            BookingData data = BookingData.allDay(
                    BookingStatus.fromCode(words[2]), null, LocalDate.parse(words[3]), LocalDate.parse(words[4]));
            Booking booking =
                    Booking.imported(EchoRulesDocTest.CALENDAR, FeedId.of(words[0]), BookingKey.of(words[1]), data);
            bookings.add(booking);
            for (int i = 5; i < words.length; i++) {
                if (words[i].startsWith("seen=")) {
                    seen.put(booking, Instant.parse(words[i].substring(5)));
                } else if (words[i].startsWith("changed=")) {
                    changed.put(booking, Instant.parse(words[i].substring(8)));
                } else {
                    fail(where + ": expected seen= or changed=, not " + words[i]);
                }
            }
        }
        EchoRule.Times times = new EchoRule.Times() {
            @Override
            public Instant firstSeen(Booking booking) {
                return seen.get(booking);
            }

            @Override
            public Instant lastChanged(Booking booking) {
                return changed.get(booking);
            }
        };
        List<String> expected = example.rows().stream()
                .filter(row -> !row.get(0).equals(EchoRulesDocTest.NONE))
                .map(row -> String.join(
                                " + ",
                                Stream.of(row.get(0).split("<br>"))
                                        .map(DocExamples::unquote)
                                        .toList())
                        + " " + row.get(1))
                .toList();
        List<String> found = Overlaps.find(bookings, times, TODAY).stream()
                .map(o -> o.first() + " + " + o.second() + " " + o.dates())
                .toList();
        assertThat(found).as(where).isEqualTo(expected);
    }

    private static String read() {
        Path doc = EchoRulesDocTest.DOC.toAbsolutePath().normalize();
        try {
            return Files.readString(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + doc, e);
        }
    }

    static List<Example> examples(String doc) {
        return DocExamples.examples(doc, "overlaps", List.of("between", "nights"));
    }
}
