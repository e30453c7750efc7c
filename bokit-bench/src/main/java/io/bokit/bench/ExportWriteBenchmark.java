package io.bokit.bench;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.property.CalendarScale;
import io.bokit.core.export.ExportEvent;
import io.bokit.core.export.ICalWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
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

/**
 * Writing one export of {@link #events} all-day events to iCalendar text: bokit's own writer ({@link ICalWriter})
 * beside ical4j's ({@link CalendarOutputter}) and biweekly's ({@link Biweekly#write}), in the same run from the same
 * events (issue 21 item 2). Each writes the same properties (PRODID, VERSION, CALSCALE, METHOD, X-WR-CALNAME; per event
 * UID, DTSTAMP, DTSTART and DTEND as dates, ORGANIZER, SUMMARY, TRANSP); for the two libraries one operation includes
 * building their object model from the events, as a program holding bookings must.
 *
 * <p>One operation is one whole export, so events per second = score (ops/s) × events. Run with
 * {@code java -jar bokit-bench/target/benchmarks.jar ExportWriteBenchmark -prof gc}.
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
public class ExportWriteBenchmark {
    private static final String NAME = "Sea View";
    private static final URI ORGANIZER = URI.create("mailto:calendar@bokit.invalid");

    /** How many events the export holds. */
    @Param({"10000"})
    public int events;

    private List<ExportEvent> export;

    /** The events of one export: stays of 1 to 14 nights one after the other, a third of them blocks. */
    @Setup
    public void makeEvents() {
        export = events(events);
    }

    static List<ExportEvent> events(int count) {
        List<ExportEvent> list = new ArrayList<>(count);
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < count; i++) {
            LocalDate checkOut = day.plusDays(1 + (i * 7L) % 14);
            String summary = i % 3 == 0 ? "Not available" : "Reserved";
            list.add(new ExportEvent("bokit-" + i + "-seaview@bokit.invalid", day, checkOut, summary));
            day = checkOut;
        }
        return list;
    }

    /** bokit: the export writer every export goes through. */
    @Benchmark
    public String bokit() {
        return ICalWriter.write(NAME, export);
    }

    /** ical4j: build the {@link Calendar} from the events, then write it with {@link CalendarOutputter}. */
    @Benchmark
    public String ical4j() throws IOException {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(ICalWriter.PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(new XProperty("X-WR-CALNAME", NAME));
        for (ExportEvent event : export) {
            VEvent vevent = new VEvent(event.checkIn(), event.checkOut(), event.summary());
            vevent.replace(new DtStamp(event.checkIn().atStartOfDay().toInstant(ZoneOffset.UTC)));
            vevent.add(new Uid(event.uid()));
            vevent.add(new Organizer(ORGANIZER));
            vevent.add(new Transp(Transp.VALUE_OPAQUE));
            calendar.add(vevent);
        }
        StringWriter out = new StringWriter(160 * export.size());
        new CalendarOutputter(false).output(calendar, out);
        return out.toString();
    }

    /** biweekly: build the {@link ICalendar} from the events, then write it with {@link Biweekly#write}. */
    @Benchmark
    public String biweekly() {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(ICalWriter.PRODID);
        calendar.setCalendarScale(CalendarScale.gregorian());
        calendar.setMethod("PUBLISH");
        calendar.setExperimentalProperty("X-WR-CALNAME", NAME);
        ZoneId local = ZoneId.systemDefault(); // biweekly writes a date-only Date in the default zone
        for (ExportEvent event : export) {
            biweekly.component.VEvent vevent = new biweekly.component.VEvent();
            vevent.setUid(event.uid());
            vevent.setDateTimeStamp(Date.from(event.checkIn().atStartOfDay().toInstant(ZoneOffset.UTC)));
            vevent.setDateStart(Date.from(event.checkIn().atStartOfDay(local).toInstant()), false);
            vevent.setDateEnd(Date.from(event.checkOut().atStartOfDay(local).toInstant()), false);
            vevent.setOrganizer("calendar@bokit.invalid");
            vevent.setSummary(event.summary());
            vevent.setTransparency(false); // OPAQUE
            calendar.addEvent(vevent);
        }
        return Biweekly.write(calendar).go();
    }
}
