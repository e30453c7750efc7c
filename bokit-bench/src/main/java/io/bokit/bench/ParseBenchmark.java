package io.bokit.bench;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.property.ValuedProperty;
import io.bokit.core.ical.ICalParser;
import io.bokit.core.ical.ParseContext;
import io.bokit.core.ical.ParsedFeed;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + map throughput of one generated Airbnb feed: bokit's {@link ICalParser} beside ical4j's object model
 * ({@link CalendarBuilder}), biweekly's ({@link Biweekly#parse(String)}) and a bare scan of the text, in the same run
 * on the same input.
 *
 * <p>One operation is one whole feed of {@link #events} events, so events per second = score (ops/s) × events. Run
 * with {@code java -jar bokit-bench/target/benchmarks.jar ParseBenchmark -prof gc}; the usual JMH options ({@code -f},
 * {@code -wi}, {@code -w}, {@code -i}, {@code -r}, {@code -p events=…}) override the defaults below.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 2,
        jvmArgsAppend = {
            "-Xms2g",
            "-Xmx2g",
            "-Dnet.fortuna.ical4j.timezone.update.enabled=false",
            "-Dslf4j.internal.verbosity=ERROR"
        })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
    private static final String BEGIN_EVENT = "BEGIN:VEVENT";

    /** How many events the generated feed holds. */
    @Param({"10000"})
    public int events;

    private final ICalParser parser = new ICalParser();
    private String body;
    private ParseContext context;

    /** Generates the feed once per trial, outside the measurement. */
    @Setup
    public void generateFeed() {
        body = AirbnbFeedGenerator.generate(events, AirbnbFeedGenerator.DEFAULT_SEED);
        context = ParseContext.of(ZoneId.of("Europe/Paris"), LocalDate.of(2025, 10, 22));
    }

    /** bokit: repair the text, stream it through ical4j's parser and map every VEVENT to a booking. */
    @Benchmark
    public ParsedFeed bokit() {
        return parser.parse(body, context);
    }

    /**
     * ical4j's object model: build the {@link Calendar}, then read what a booking needs from each VEVENT (start and end
     * dates, summary, UID, description).
     *
     * @return the number of VEVENTs read
     */
    @Benchmark
    public int ical4jCalendarBuilder(Blackhole blackhole) throws IOException, ParserException {
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        List<VEvent> vevents = calendar.getComponents(Component.VEVENT);
        for (VEvent event : vevents) {
            blackhole.consume(date(event.getDateTimeStart()));
            blackhole.consume(date(event.getDateTimeEnd()));
            blackhole.consume(value(event.getSummary()));
            blackhole.consume(value(event.getUid().orElse(null)));
            blackhole.consume(value(event.getDescription()));
        }
        return vevents.size();
    }

    /**
     * biweekly's object model: parse the {@link ICalendar}, then read what a booking needs from each VEVENT (start and
     * end dates, summary, UID, description), as {@link #ical4jCalendarBuilder} does.
     *
     * @return the number of VEVENTs read
     */
    @Benchmark
    public int biweekly(Blackhole blackhole) {
        ICalendar calendar = Biweekly.parse(body).first();
        List<biweekly.component.VEvent> vevents = calendar.getEvents();
        for (biweekly.component.VEvent event : vevents) {
            blackhole.consume(value(event.getDateStart()));
            blackhole.consume(value(event.getDateEnd()));
            blackhole.consume(value(event.getSummary()));
            blackhole.consume(value(event.getUid()));
            blackhole.consume(value(event.getDescription()));
        }
        return vevents.size();
    }

    /**
     * The floor: one pass over the text counting {@code BEGIN:VEVENT}, no parsing at all.
     *
     * @return the number of VEVENTs found
     */
    @Benchmark
    public int scanBaseline() {
        int count = 0;
        int from = body.indexOf(BEGIN_EVENT);
        while (from >= 0) {
            count++;
            from = body.indexOf(BEGIN_EVENT, from + BEGIN_EVENT.length());
        }
        return count;
    }

    private static Object date(DateProperty<?> property) {
        return property == null ? null : property.getDate();
    }

    private static String value(Property property) {
        return property == null ? null : property.getValue();
    }

    private static Object value(ValuedProperty<?> property) {
        return property == null ? null : property.getValue();
    }
}
