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
 * Keeps the echo examples of docs/sync-rules.md true: every {@code ```bookings} block is turned into one
 * calendar's bookings and checked with {@link EchoRule} against the {@code export for | sent} table that follows
 * it (before the next fenced block or heading).
 *
 * <p>A bookings line is {@code feed key status check-in check-out}, optionally followed by {@code seen=INSTANT}
 * (first imported) and {@code changed=INSTANT} (last changed). In the table, {@code —} in the first column is the
 * export for no target and {@code —} in the second means nothing is sent; otherwise the second column lists
 * {@code feed/key} entries separated by {@code <br>}, in the order they are sent. A bookings block without that
 * table fails, so the document cannot drift from the code.
 */
class EchoRulesDocTest {
    static final Path DOC = Path.of("..", "docs", "sync-rules.md");
    static final String NONE = "—";
    static final CalendarKey CALENDAR = CalendarKey.of("seaview");

    @TestFactory
    Stream<DynamicTest> everyEchoExampleSendsWhatItsTableShows() {
        List<Example> examples = examples(read());

        assertThat(examples).as("bookings examples in docs/sync-rules.md").hasSizeGreaterThanOrEqualTo(6);
        return examples.stream()
                .map(example -> DynamicTest.dynamicTest(
                        "line " + example.line() + " (" + example.heading() + ")", () -> check(example)));
    }

    private static void check(Example example) {
        String where = "docs/sync-rules.md line " + example.line() + " (" + example.heading() + ")";
        if (example.rows().isEmpty()) {
            fail(where + ": this bookings block has no `export for | sent` table after it");
        }
        List<Booking> bookings = new ArrayList<>();
        Map<Booking, Instant> seen = new HashMap<>();
        Map<Booking, Instant> changed = new HashMap<>();
        for (String line : example.bookings()) {
            String[] words = line.strip().split("\\s+");
            assertThat(words.length).as(where + ": bookings line " + line).isBetween(5, 7);
            BookingData data = BookingData.allDay(
                    BookingStatus.fromCode(words[2]), null, LocalDate.parse(words[3]), LocalDate.parse(words[4]));
            Booking booking = Booking.imported(CALENDAR, FeedId.of(words[0]), BookingKey.of(words[1]), data);
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
        for (List<String> row : example.rows()) {
            FeedId target = NONE.equals(row.get(0)) ? null : FeedId.of(row.get(0));
            List<String> expected = NONE.equals(row.get(1))
                    ? List.of()
                    : Stream.of(row.get(1).split("<br>"))
                            .map(DocExamples::unquote)
                            .toList();
            List<String> sent = EchoRule.exported(bookings, target, times).stream()
                    .map(b -> b.feed() + "/" + b.key())
                    .toList();
            assertThat(sent).as(where + ": export for " + row.get(0)).isEqualTo(expected);
        }
    }

    private static String read() {
        Path doc = DOC.toAbsolutePath().normalize();
        if (!Files.isRegularFile(doc)) {
            fail("docs/sync-rules.md is missing: expected it at " + doc);
        }
        try {
            return Files.readString(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + doc, e);
        }
    }

    static List<Example> examples(String doc) {
        return DocExamples.examples(doc, "bookings", List.of("export for", "sent"));
    }
}
