package io.bokit.core.export;

import static io.bokit.core.export.ExportFixture.AIRBNB;
import static io.bokit.core.export.ExportFixture.BOOKING;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.ValidationWarnings;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.io.text.ICalReader;
import io.bokit.core.application.FeedParser;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.FeedEvent;
import io.bokit.core.domain.FeedId;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every export shape parsed by two independent parsers, ical4j's {@code CalendarBuilder} (strict: no relaxed
 * hints) with its validator and biweekly with its validator, and by bokit's own import, which must give the same
 * dates back.
 */
class ExportParsersTest {

    /** One export shape: its name, the expected events (check-in, check-out, summary) and its body. */
    record Shape(String name, List<Expected> expected, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One expected event. */
    record Expected(LocalDate checkIn, LocalDate checkOut, String summary, String uid) {}

    /** The expected events in the body's order: by check-in, then UID. */
    static List<Expected> inBodyOrder(List<Expected> expected) {
        return expected.stream()
                .sorted(java.util.Comparator.comparing(Expected::checkIn).thenComparing(Expected::uid))
                .toList();
    }

    private static Expected expected(FeedId feed, String uid, LocalDate in, LocalDate out, String summary) {
        return new Expected(in, out, summary, ExportUids.of(ExportFixture.SEAVIEW, feed, BookingKey.of(uid)));
    }

    @BeforeAll
    static void ical4jIsStrict() {
        assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING))
                .isFalse();
        assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING))
                .isFalse();
        assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION))
                .isFalse();
    }

    static Stream<Arguments> shapes() {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape("empty calendar", List.of(), new ExportFixture().body()));

        ExportFixture many = new ExportFixture();
        List<Expected> manyExpected = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 4, 1);
        for (int i = 0; i < 5000; i++) {
            LocalDate in = day.plusDays(i / 2);
            LocalDate out = in.plusDays(1 + i % 5);
            FeedId feed = i % 2 == 0 ? AIRBNB : BOOKING;
            many.stay(feed, "uid-" + i, "Guest " + i, in.toString(), out.toString());
            manyExpected.add(expected(feed, "uid-" + i, in, out, "Not available"));
        }
        shapes.add(new Shape("5,000 bookings", inBodyOrder(manyExpected), many.body()));

        String nonAscii = "Zoë Ångström-Łukasiewicz 日本 🏖";
        shapes.add(new Shape(
                "non-ASCII names, opted in",
                List.of(expected(AIRBNB, "a", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 4), nonAscii)),
                new ExportFixture("Ferienwohnung Möwe – Strandblick")
                        .stay(AIRBNB, "a", nonAscii, "2026-06-01", "2026-06-04")
                        .bodyWithNames()));

        String longName = "Maximilian Alexander von und zu Ünterwössen-Großglockner "
                        .repeat(8)
                        .strip() + " 🏔";
        shapes.add(new Shape(
                "long lines that must fold",
                List.of(expected(
                        BOOKING, "b".repeat(300), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 8), longName)),
                new ExportFixture("Chalet ".repeat(40).strip())
                        .stay(BOOKING, "b".repeat(300), longName, "2026-07-01", "2026-07-08")
                        .bodyWithNames()));

        String escapes = "O'Brien, Ann; \\ \"the boss\"\nsecond line";
        shapes.add(new Shape(
                "text needing escapes",
                List.of(
                        expected(AIRBNB, "c;,\\", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 3), escapes),
                        expected(BOOKING, "d", LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 12), "Not available")),
                new ExportFixture("Sea, sun; \\ fun")
                        .stay(AIRBNB, "c;,\\", escapes, "2026-08-01", "2026-08-03")
                        .add(
                                BOOKING,
                                "d",
                                BookingData.allDay(
                                        BookingStatus.BLOCKED,
                                        null,
                                        LocalDate.of(2026, 8, 10),
                                        LocalDate.of(2026, 8, 12)))
                        .bodyWithNames()));
        return shapes.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void foldsEveryLineWithinSeventyFiveOctets(Shape shape) {
        ExportAssertions.assertFoldedWithinLimits(shape.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void ical4jBuildsAndValidatesIt(Shape shape) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(shape.body()));

        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue())
                .isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("PUBLISH");
        List<CalendarComponent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSameSizeAs(shape.expected());
        for (int i = 0; i < events.size(); i++) {
            CalendarComponent event = events.get(i);
            Expected expected = shape.expected().get(i);
            assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue())
                    .isEqualTo(basic(expected.checkIn()));
            assertThat(event.getProperty(Property.DTEND).orElseThrow().getValue())
                    .isEqualTo(basic(expected.checkOut()));
            assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                    .isEqualTo(expected.summary());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void biweeklyReadsAndValidatesItWithoutWarnings(Shape shape) throws Exception {
        ICalendar ical;
        try (ICalReader reader = new ICalReader(shape.body())) {
            ical = reader.readNext();
            List<ParseWarning> warnings = reader.getWarnings();
            assertThat(warnings).isEmpty();
            assertThat(reader.readNext()).as("a second calendar").isNull();
        }

        ValidationWarnings validation = ical.validate(ICalVersion.V2_0);
        if (shape.expected().isEmpty()) {
            // biweekly keeps VTIMEZONEs apart from the components, so its validator does not count the one
            // VTIMEZONE an empty export holds (ical4j, which follows RFC 5545's grammar, does): that warning only
            assertThat(validation.getWarnings()).hasSize(1);
            assertThat(validation.getWarnings().get(0).getWarnings())
                    .singleElement()
                    .satisfies(warning -> assertThat(warning.getCode()).isEqualTo(4));
            assertThat(ical.getTimezoneInfo().getComponents()).hasSize(1);
        } else {
            assertThat(validation.isEmpty()).as(validation.toString()).isTrue();
        }
        assertThat(Biweekly.parse(shape.body()).all()).hasSize(1);
        List<VEvent> events = ical.getEvents();
        assertThat(events).hasSameSizeAs(shape.expected());
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            Expected expected = shape.expected().get(i);
            assertThat(event.getDateStart().getValue().hasTime()).isFalse();
            assertThat(local(event.getDateStart().getValue())).isEqualTo(expected.checkIn());
            assertThat(local(event.getDateEnd().getValue())).isEqualTo(expected.checkOut());
            assertThat(event.getSummary().getValue()).isEqualTo(expected.summary());
            assertThat(event.getUid().getValue()).isEqualTo(expected.uid());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void bokitsOwnImportReadsTheSameDatesBack(Shape shape) {
        FeedParser.Parsed feed =
                FeedParser.ical().parse(shape.body(), new ExportFixture().calendar(), ExportFixture.TODAY);

        assertThat(feed.skipped()).isZero();
        assertThat(feed.events()).hasSameSizeAs(shape.expected());
        for (int i = 0; i < feed.events().size(); i++) {
            FeedEvent event = feed.events().get(i);
            Expected expected = shape.expected().get(i);
            assertThat(event.data().checkIn()).isEqualTo(expected.checkIn());
            assertThat(event.data().checkOut()).isEqualTo(expected.checkOut());
            assertThat(event.data().allDay()).isTrue();
            assertThat(event.key().uid()).isEqualTo(expected.uid());
        }
    }

    private static String basic(LocalDate day) {
        return day.toString().replace("-", "");
    }

    /** A biweekly date-only value as the day it names (biweekly keeps it at midnight in the JVM's zone). */
    private static LocalDate local(biweekly.util.ICalDate date) {
        biweekly.util.DateTimeComponents raw = date.getRawComponents();
        if (raw != null) {
            return LocalDate.of(raw.getYear(), raw.getMonth(), raw.getDate());
        }
        return date.toInstant().atZone(ZoneOffset.systemDefault()).toLocalDate();
    }
}
