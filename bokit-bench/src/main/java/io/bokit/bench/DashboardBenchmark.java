package io.bokit.bench;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.dashboard.Dashboard;
import io.bokit.host.dashboard.DashboardGuard;
import io.bokit.host.dashboard.DashboardRequest;
import io.bokit.host.dashboard.DashboardResponse;
import io.bokit.jdbc.InitializeMode;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryFeedSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering the operator's page server-side, as every adapter does through bokit-host's {@link Dashboard}: {@code GET
 * /bokit} answered for an operator, on an H2 store holding {@code feeds} feeds (four to a calendar, Airbnb- and
 * Booking.com-style) with {@code bookings} stays between them from ten days ago on, after one sync; every tenth
 * calendar has one double booking. Server time only (no socket); the SQL statements of
 * one render are counted by {@link #statementsPerRender}. Run with {@code java -jar bokit-bench/target/benchmarks.jar
 * DashboardBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dslf4j.internal.verbosity=ERROR")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class DashboardBenchmark {
    /** Feeds per calendar. */
    static final int FEEDS_PER_CALENDAR = 4;

    /** The stay of every tenth calendar that runs into the next one: the tenth, checking in ten days from today. */
    private static final int OVERLAP = 10;

    private static final DashboardRequest GET =
            new DashboardRequest("GET", "/bokit", "", Map.of(), Map.of(), () -> "bench", null, null);

    /** How many feeds the store holds. */
    @Param({"200"})
    public int feeds;

    /** How many stays the feeds hold between them. */
    @Param({"2000"})
    public int bookings;

    private BokitHost host;
    private Dashboard dashboard;
    private CountingDataSource counted;

    /** {@code feeds} feeds in calendars of four, the stays dealt to them, synced once; the first render checked. */
    @Setup
    public void fillTheStore() {
        if (feeds % FEEDS_PER_CALENDAR != 0 || bookings % (feeds / FEEDS_PER_CALENDAR) != 0) {
            throw new IllegalArgumentException(
                    "feeds must be a multiple of " + FEEDS_PER_CALENDAR + " and bookings a multiple of the calendars");
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dashboard-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        counted = new CountingDataSource(h2, "bokit_");
        InMemoryFeedSource source = new InMemoryFeedSource();
        host = BokitHost.builder(BokitSettings.builder()
                        .installComplete(false)
                        .schemaInitialize(InitializeMode.ALWAYS)
                        .dashboardEnabled(true)
                        .build())
                .dataSource(counted)
                .fetcher(source)
                .executor(Runnable::run)
                .dashboardGuard(request -> DashboardGuard.Access.allowed("bench"))
                .build();
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        int perCalendar = bookings / (feeds / FEEDS_PER_CALENDAR);
        for (int c = 0; c < feeds / FEEDS_PER_CALENDAR; c++) {
            CalendarKey calendar = CalendarKey.of("cal-" + c);
            host.bokit().feeds().addCalendar(new AddCalendarCommand(calendar, "Calendar " + c, ZoneOffset.UTC));
            ICalFeedBuilder[] channels = new ICalFeedBuilder[FEEDS_PER_CALENDAR];
            for (int f = 0; f < FEEDS_PER_CALENDAR; f++) {
                channels[f] =
                        f % 2 == 0 ? ICalFeedBuilder.airbnb() : ICalFeedBuilder.withProdId("-//admin.booking.com//EN");
            }
            // the calendar's stays one after the other, two days apart, dealt to its channels in turn: no two
            // channels hold the same night (channels block each other's dates), except in every tenth calendar,
            // whose stays OVERLAP and OVERLAP + 1, ten days ahead, share a night (an open double booking)
            for (int k = 0; k < perCalendar; k++) {
                LocalDate in = from.plusDays(2L * k);
                LocalDate out = in.plusDays(k == OVERLAP && c % 10 == 0 ? 3 : 1 + k % 2);
                int f = k % FEEDS_PER_CALENDAR;
                String uid = "stay-" + c + "-" + k;
                channels[f] = f % 2 == 0
                        ? channels[f].reserved(uid + "@airbnb.com", in, out)
                        : channels[f].event(uid + "@booking.com", in, out, "CLOSED - Guest " + c + "-" + k);
            }
            for (int f = 0; f < FEEDS_PER_CALENDAR; f++) {
                int n = c * FEEDS_PER_CALENDAR + f;
                FeedUrl url = FeedUrl.parse("https://feeds.example/ical/" + n + ".ics?s=bench-secret");
                source.serve(url, channels[f].build());
                host.bokit().feeds().addFeed(new AddFeedCommand(calendar, FeedId.of("feed-" + n), url, "Channel " + f));
            }
            host.bokit().exportLinks().add(new AddExportCommand(calendar, null, false));
        }
        host.bokit().sync().sync(SyncCommand.forceAll());
        dashboard = host.dashboard().orElseThrow();
        DashboardResponse first = dashboard.handle(GET);
        if (first.status() != 200) {
            throw new IllegalStateException("the page answered " + first.status() + ": " + first.body());
        }
    }

    /** Stops the host. */
    @TearDown
    public void stop() {
        host.close();
    }

    /** The page, read from the store and rendered. */
    @Benchmark
    public int render() {
        return dashboard.handle(GET).bodyBytes().length;
    }

    /** The SQL statements one render executes. */
    static long statementsPerRender(DashboardBenchmark bench) {
        long before = bench.counted.counts().statements();
        bench.render();
        return bench.counted.counts().statements() - before;
    }

    /** The page's text, for the sanity test. */
    static String page(DashboardBenchmark bench) {
        return bench.dashboard.handle(GET).body();
    }

    /** Prints the statements of one render and its size (a sanity run, not a benchmark). */
    public static void main(String[] args) {
        DashboardBenchmark bench = new DashboardBenchmark();
        bench.feeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        bench.bookings = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        bench.fillTheStore();
        try {
            long statements = statementsPerRender(bench);
            System.out.printf(
                    "one render, %d feeds, %d stays: %d SQL statements, %d bytes%n",
                    bench.feeds, bench.bookings, statements, bench.render());
        } finally {
            bench.stop();
        }
    }
}
