package io.bokit.core.ical;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.FeedEvent;
import io.bokit.core.fuzz.Fuzz;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the promise that one bad line costs at most its event (issue 23): a 200-event feed of every shape the
 * channel rules read gets one line damaged (deleted, duplicated, replaced, cut, broken inside, unfolded, or a line
 * inserted), and the parse must still succeed with every other event exactly as in the intact feed. A line damaged
 * into a fold continuation (it starts with a space) belongs to the line it continues too, so that line's event may
 * be lost as well. The envelope's first and last lines are never damaged: without them a body is not iCalendar.
 *
 * <p>Seeded (see {@link Fuzz}); the 300 tries of a build take about a second on an idle 2-core machine.
 */
class OneBadLineFuzzTest {
    static final int EVENTS = 200;

    /** What damage can put in a line: structure, separators, escapes, control characters, junk. */
    private static final List<String> INSERTS = List.of(
            "BEGIN:VEVENT",
            "END:VEVENT",
            "BEGIN:VALARM",
            "END:VALARM",
            "END:VCALENDAR",
            "BEGIN:VCALENDAR",
            "END:VTODO",
            "BEGIN;X=1:VEVENT",
            "RRULE:",
            "DTSTART:",
            "&nbsp; a stray line of text.",
            "X-TITLE=Hauptstraße 1-5\\; 4041 Linz",
            "DTSTART;VALUE=DATE;X-A=b\\; c:20260101",
            "ORGA;IZstudio.org",
            "\"",
            ";",
            ":",
            "\u0000\u0001\u0002PK\u0003",
            "<html>");

    private static final Feed FEED = feed();
    private static final ParsedFeed INTACT = new ICalParser().parse(FEED.body(), Fixtures.CONTEXT);

    @Test
    void theIntactFeedImportsEveryEvent() {
        assertThat(INTACT.eventsSeen()).isEqualTo(EVENTS);
        assertThat(INTACT.skipped()).isZero();
        assertThat(INTACT.events()).hasSize(EVENTS);
    }

    @Test
    void oneDamagedLineLosesAtMostItsEvent() {
        Fuzz.check("parser.one-bad-line", 300, OneBadLineFuzzTest::damage, OneBadLineFuzzTest::check);
    }

    /** The feed with one line damaged, and the events that line touches (-1: none). */
    record Damaged(String body, int event, int continued, String how) {
        boolean touches(int k) {
            return k == event || k == continued;
        }

        @Override
        public String toString() {
            return how + " (event " + event + "): " + Fuzz.preview(body);
        }
    }

    static Damaged damage(Random random) {
        List<String> lines = new ArrayList<>(FEED.lines());
        // never the envelope's first and last lines: without them a body is not iCalendar (a feed error)
        int at = Generators.between(random, 1, lines.size() - 2);
        String line = lines.get(at);
        String how;
        int event = FEED.eventOf(at);
        switch (random.nextInt(8)) {
            case 0 -> {
                lines.remove(at);
                how = "deleted line " + at;
            }
            case 1 -> {
                lines.add(at, line);
                how = "duplicated line " + at;
            }
            case 2 -> {
                lines.set(at, junk(random));
                how = "replaced line " + at;
            }
            case 3 -> {
                lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                how = "cut line " + at;
            }
            case 4 -> {
                int k = random.nextInt(line.length() + 1);
                String put = Generators.pick(random, List.of(";", ":", "\"", "\\", "=", ",", "\n", "\r", "\u0000"))
                        + (random.nextBoolean() ? Generators.anyText(random, 3) : "");
                lines.set(at, line.substring(0, k) + put + line.substring(Math.min(line.length(), k + 1)));
                how = "broke line " + at + " at " + k;
            }
            case 5 -> {
                lines.set(at, line.stripLeading());
                how = "removed the fold space of line " + at;
            }
            default -> {
                lines.add(at, junk(random));
                // an inserted line damages the event it lands in, if it lands inside one
                event = FEED.eventOf(at - 1) == FEED.eventOf(at) ? FEED.eventOf(at) : -1;
                how = "inserted a line before line " + at;
            }
        }
        if (how.startsWith("replaced") || how.startsWith("inserted")) {
            String put = lines.get(at);
            if (!put.isEmpty() && (put.charAt(0) == ' ' || put.charAt(0) == '\t')) {
                // a line that starts with a space is a fold: it damages the line it continues, maybe another event
                // (" x" after END:VEVENT hides that END); the events of both lines may be lost
                return new Damaged(String.join("\r\n", lines) + "\r\n", event, FEED.eventOf(at - 1), how);
            }
        }
        return new Damaged(String.join("\r\n", lines) + "\r\n", event, event, how);
    }

    /** One line of junk (line ends taken out: this is the damage of one line, not of several). */
    private static String junk(Random random) {
        String junk =
                switch (random.nextInt(3)) {
                    case 0 -> Generators.pick(random, INSERTS);
                    case 1 -> Generators.propertyLine(random);
                    default -> Generators.anyText(random, 60);
                };
        return junk.replace("\r", "").replace("\n", "");
    }

    static String check(Damaged damaged) {
        ParsedFeed feed = new ICalParser().parse(damaged.body(), Fixtures.CONTEXT);
        Set<FeedEvent> parsed = new HashSet<>(feed.events());
        List<String> lost = new ArrayList<>();
        for (int k = 0; k < EVENTS; k++) {
            FeedEvent expected = INTACT.events().get(k);
            if (!damaged.touches(k) && !parsed.contains(expected)) {
                lost.add("event " + k + " became "
                        + feed.events().stream()
                                .filter(e -> e.key().equals(expected.key()))
                                .toList());
            }
        }
        assertThat(lost)
                .as("events lost or changed besides the damaged one (%s)", damaged.how())
                .isEmpty();
        return feed.events().size() >= EVENTS ? "none lost" : "damaged event lost";
    }

    /** The lines of a 200-event feed and the event each line belongs to. */
    record Feed(List<String> lines, int[] events) {
        String body() {
            return String.join("\r\n", lines) + "\r\n";
        }

        int eventOf(int line) {
            return line >= 0 && line < events.length ? events[line] : -1;
        }
    }

    /** Stays, blocks and timed bookings of every channel's shape: folds, descriptions, alarms, unknown properties. */
    static Feed feed() {
        List<String> lines = new ArrayList<>();
        List<Integer> events = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//bokit//one bad line//EN");
        while (events.size() < lines.size()) {
            events.add(-1);
        }
        for (int k = 0; k < EVENTS; k++) {
            String day = String.format("2026%02d%02d", 1 + k % 12, 1 + k % 20);
            String next = String.format("2026%02d%02d", 1 + k % 12, 3 + k % 20);
            lines.add("BEGIN:VEVENT");
            lines.add("UID:event-" + k + "@bokit.test");
            switch (k % 4) {
                case 0 -> {
                    lines.add("DTSTART;VALUE=DATE:" + day);
                    lines.add("DTEND;VALUE=DATE:" + next);
                    lines.add("SUMMARY:Reserved");
                    lines.add("DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/de");
                    lines.add(" tails/HM" + k + "\\nPhone Number (Last 4 Digits): " + (1000 + k));
                }
                case 1 -> {
                    lines.add("DTSTART;TZID=W. Europe Standard Time:" + day + "T150000");
                    lines.add("DTEND;TZID=\"Europe/Berlin\":" + next + "T100000");
                    lines.add("SUMMARY;LANGUAGE=en: CLOSED - Guest " + k);
                    lines.add("BEGIN:VALARM");
                    lines.add("TRIGGER:-PT15M");
                    lines.add("DESCRIPTION:STATUS: Cancelled");
                    lines.add("END:VALARM");
                }
                case 2 -> {
                    lines.add("DTSTART:" + day);
                    lines.add("DURATION:P2D");
                    lines.add("SUMMARY:Not available");
                    lines.add("X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-TITLE=\"Hauptstraße " + k + "\":geo:48.3,14.2");
                }
                default -> {
                    lines.add("DTSTART;VALUE=DATE:" + day);
                    lines.add("DTEND;VALUE=DATE:" + next);
                    lines.add("SUMMARY:Booking");
                    lines.add(
                            "DESCRIPTION:STATUS: Confirmed\\nGUESTS: 2 adults\\nEMAIL: guest" + k + "@example.org\\nN");
                    lines.add(" OTES: Late arrival\\, key in the box");
                }
            }
            lines.add("END:VEVENT");
            while (events.size() < lines.size()) {
                events.add(k);
            }
        }
        lines.add("END:VCALENDAR");
        events.add(-1);
        return new Feed(
                List.copyOf(lines), events.stream().mapToInt(Integer::intValue).toArray());
    }
}
