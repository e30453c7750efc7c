package io.bokit.core.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.FeedEvent;
import io.bokit.core.domain.FeedParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps docs/sync-rules.md true: every {@code ```ics} block of the document is parsed and compared with the
 * expectation tables that follow it (before the next {@code ```ics} block or heading).
 *
 * <p>Expectation tables, recognised by their header row:
 *
 * <ul>
 *   <li>bookings: columns {@code key, status, guest, check-in, check-out, metadata} and optionally {@code start,
 *       end}; one row per booking the parser returns, in the parser's order. {@code —} means "none";
 *       metadata cells list {@code `name=value`} entries separated by {@code <br>} and must match exactly;
 *   <li>counts: columns {@code VEVENTs, bookings, skipped};
 *   <li>feed error: one column {@code feed error} whose row is the exact message of the parse failure.
 * </ul>
 *
 * <p>An ics block without a bookings or feed-error table fails, so the document cannot drift from the code.
 */
class SyncRulesDocTest {
    static final Path DOC = Path.of("..", "docs", "sync-rules.md");
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final String NONE = "—";
    private static final Set<String> BOOKING_COLUMNS =
            Set.of("key", "status", "guest", "check-in", "check-out", "start", "end", "metadata");
    private static final List<String> REQUIRED_COLUMNS =
            List.of("key", "status", "guest", "check-in", "check-out", "metadata");

    @Test
    void statesTheContextItsExamplesAreReadIn() {
        String doc = read();

        assertThat(doc)
                .as("docs/sync-rules.md must state the calendar zone and today its examples are checked with")
                .contains("`" + ZONE.getId() + "`")
                .contains("`" + TODAY + "`");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleBecomesTheBookingsItsTableShows() {
        List<Example> examples = examples(read());

        assertThat(examples).as("ics examples found in docs/sync-rules.md").hasSizeGreaterThanOrEqualTo(20);
        return examples.stream()
                .map(example -> DynamicTest.dynamicTest(
                        "line " + example.line() + " (" + example.heading() + ")", () -> check(example)));
    }

    private static String read() {
        Path doc = DOC.toAbsolutePath().normalize();
        if (!Files.isRegularFile(doc)) {
            fail("docs/sync-rules.md is missing: expected it at " + doc
                    + " (the test runs in the bokit-core module directory and reads ../docs/sync-rules.md)");
        }
        try {
            return Files.readString(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + doc, e);
        }
    }

    // ---- checking one example

    private static void check(Example example) {
        String where = "docs/sync-rules.md line " + example.line() + " (" + example.heading() + ")";
        Table bookings = example.table(REQUIRED_COLUMNS.get(0));
        Table error = example.table("feed error");
        if (bookings == null && error == null) {
            fail(where + ": this ics block has no expectation; put a bookings table (key | status | guest | "
                    + "check-in | check-out | metadata) or a feed error table right after it");
        }
        ParseContext context = ParseContext.of(ZONE, TODAY);
        if (error != null) {
            assertThat(error.rows())
                    .as(where + ": the feed error table has one row")
                    .hasSize(1);
            String expected = error.rows().get(0).get(0);
            try {
                new ICalParser().parse(example.body(), context);
                fail(where + ": expected the feed error \"" + expected + "\" but the feed parsed");
            } catch (FeedParseException e) {
                assertThat(e.getMessage()).as(where + ": feed error message").isEqualTo(expected);
            }
            return;
        }
        ParsedFeed feed = new ICalParser().parse(example.body(), context);
        checkBookings(where, bookings, feed.events());
        Table counts = example.table("VEVENTs");
        if (counts != null) {
            List<String> row = counts.rows().get(0);
            assertThat(feed.eventsSeen())
                    .as(where + ": VEVENTs")
                    .isEqualTo(Integer.parseInt(counts.cell(row, "VEVENTs")));
            assertThat(feed.events().size())
                    .as(where + ": bookings")
                    .isEqualTo(Integer.parseInt(counts.cell(row, "bookings")));
            assertThat(feed.skipped()).as(where + ": skipped").isEqualTo(Integer.parseInt(counts.cell(row, "skipped")));
        }
    }

    private static void checkBookings(String where, Table table, List<FeedEvent> events) {
        for (String column : table.header()) {
            assertThat(BOOKING_COLUMNS).as(where + ": known column").contains(column);
        }
        assertThat(table.header()).as(where + ": bookings table columns").containsAll(REQUIRED_COLUMNS);
        List<String> actualKeys = events.stream().map(e -> e.key().toString()).toList();
        assertThat(events)
                .as(where + ": number of bookings (the parser returned " + actualKeys + ")")
                .hasSize(table.rows().size());
        for (int i = 0; i < events.size(); i++) {
            List<String> row = table.rows().get(i);
            FeedEvent event = events.get(i);
            BookingData data = event.data();
            String at = where + ", row " + (i + 1) + ": ";
            assertThat(event.key().toString()).as(at + "key").isEqualTo(table.cell(row, "key"));
            assertThat(data.status().code()).as(at + "status").isEqualTo(table.cell(row, "status"));
            assertThat(data.guestName()).as(at + "guest").isEqualTo(orNull(table.cell(row, "guest")));
            assertThat(data.checkIn()).as(at + "check-in").hasToString(table.cell(row, "check-in"));
            assertThat(data.checkOut()).as(at + "check-out").hasToString(table.cell(row, "check-out"));
            if (table.header().contains("start")) {
                assertThat(Objects.toString(data.start(), NONE))
                        .as(at + "start")
                        .isEqualTo(table.cell(row, "start"));
            }
            if (table.header().contains("end")) {
                assertThat(Objects.toString(data.end(), NONE)).as(at + "end").isEqualTo(table.cell(row, "end"));
            }
            assertThat(data.metadata()).as(at + "metadata").isEqualTo(metadata(table.cell(row, "metadata")));
        }
    }

    private static String orNull(String cell) {
        return NONE.equals(cell) ? null : cell;
    }

    private static Map<String, String> metadata(String cell) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (NONE.equals(cell)) {
            return metadata;
        }
        for (String entry : cell.split("<br>")) {
            String text = unquote(entry.strip());
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("A metadata entry must be `name=value`, not: " + entry);
            }
            metadata.put(text.substring(0, equals), text.substring(equals + 1));
        }
        return metadata;
    }

    // ---- reading the document

    /** One ics block, where it starts, the heading it is under and the tables that follow it. */
    record Example(int line, String heading, String body, List<Table> tables) {
        Table table(String firstColumn) {
            return tables.stream()
                    .filter(t -> t.header().get(0).equals(firstColumn))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A Markdown table: its header cells and its rows (separator row left out), backticks removed. */
    record Table(List<String> header, List<List<String>> rows) {
        String cell(List<String> row, String column) {
            int index = header.indexOf(column);
            if (index < 0 || index >= row.size()) {
                throw new IllegalArgumentException("No column " + column + " in " + header + " / row " + row);
            }
            return row.get(index);
        }
    }

    static List<Example> examples(String doc) {
        List<String> lines = doc.lines().toList();
        List<Example> examples = new ArrayList<>();
        String heading = "(no heading)";
        Example open = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                boolean ics = line.strip().equals("```ics");
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !lines.get(end).startsWith("```")) {
                    end++;
                }
                if (ics) {
                    String body = String.join("\n", lines.subList(start, end)) + "\n";
                    open = new Example(i + 1, heading, body, new ArrayList<>());
                    examples.add(open);
                }
                i = end + 1;
            } else if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
                open = null;
                i++;
            } else if (line.startsWith("|")) {
                int end = i;
                while (end < lines.size() && lines.get(end).startsWith("|")) {
                    end++;
                }
                if (open != null) {
                    open.tables().add(table(lines.subList(i, end)));
                }
                i = end;
            } else {
                i++;
            }
        }
        return examples;
    }

    private static Table table(List<String> lines) {
        List<String> header = cells(lines.get(0));
        List<List<String>> rows = new ArrayList<>();
        for (int k = 2; k < lines.size(); k++) {
            rows.add(cells(lines.get(k)));
        }
        return new Table(header, rows);
    }

    private static List<String> cells(String line) {
        String text = line.strip();
        text = text.substring(1, text.endsWith("|") ? text.length() - 1 : text.length());
        List<String> cells = new ArrayList<>();
        for (String cell : text.split("\\|", -1)) {
            cells.add(unquote(cell.strip()));
        }
        return cells;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("`") && text.indexOf('`', 1) == text.length() - 1
                ? text.substring(1, text.length() - 1)
                : text;
    }
}
