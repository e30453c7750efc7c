package io.bokit.bench;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.ExportResponse;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.jdbc.InitializeMode;
import io.bokit.testkit.InMemoryFeedSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Serving one calendar's export, as every host does through bokit-host's {@code ExportServer}: the body
 * built from the store (cold: the cache was just invalidated), the cached 200, and the 304 a channel gets
 * for an unchanged calendar, on an H2 store holding a calendar of {@code bookings} stays. Server time only
 * (no socket); the booking reads of each kind are counted by {@link #readsPerRequest}. Run with
 * {@code java -jar bokit-bench/target/benchmarks.jar ExportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dslf4j.internal.verbosity=ERROR")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExportBenchmark {
    private static final FeedUrl FEED = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=bench");

    /** How many stays the calendar holds. */
    @Param({"5000"})
    public int bookings;

    private BokitHost host;
    private String path;
    private String etag;
    private final AtomicLong reads = new AtomicLong();

    /** A calendar of {@code bookings} stays synced from one feed into H2, and one export of it. */
    @Setup
    public void fillTheStore() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:export-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BokitJdbc jdbc =
                BokitJdbc.builder(dataSource).initialize(InitializeMode.ALWAYS).build();
        InMemoryFeedSource feeds = new InMemoryFeedSource()
                .serve(
                        FEED,
                        AirbnbFeedGenerator.generate(
                                bookings, 42, LocalDate.now().minusDays(20)));
        host = BokitHost.builder(BokitSettings.defaults())
                .dataSource(dataSource)
                .bookings(new CountingStore(jdbc.bookingStore(), reads))
                .fetcher(feeds)
                .executor(Runnable::run)
                .build();
        CalendarKey calendar = CalendarKey.of("seaview");
        host.bokit().feeds().addCalendar(new AddCalendarCommand(calendar, "Sea View", ZoneOffset.UTC));
        host.bokit().feeds().addFeed(new AddFeedCommand(calendar, FeedId.of("airbnb"), FEED, null));
        host.bokit().sync().sync(SyncCommand.forceAll());
        path = host.bokit()
                .exportLinks()
                .add(new AddExportCommand(calendar, null, false))
                .path(host.exports().path());
        ExportResponse first = host.exports().serve("GET", path, null, null);
        if (first.status() != 200) {
            throw new IllegalStateException("the export answered " + first.status());
        }
        etag = first.headers().get("ETag");
    }

    /** Stops the host. */
    @TearDown
    public void stop() {
        host.close();
    }

    /** The body built from the store: the cache was invalidated, as after a booking change. */
    @Benchmark
    public int coldBody() {
        host.exports().invalidateAll();
        return host.exports().serve("GET", path, null, null).bodyLength();
    }

    /** The cached body, for a channel that sends no validator. */
    @Benchmark
    public int cached200() {
        return host.exports().serve("GET", path, null, null).bodyLength();
    }

    /** The answer to a channel that re-reads an unchanged calendar with its ETag. */
    @Benchmark
    public int notModified304() {
        return host.exports().serve("GET", path, etag, null).status();
    }

    /** Booking reads of one request of each kind, printed by a run of this class's main. */
    static long[] readsPerRequest(ExportBenchmark bench) {
        long before = bench.reads.get();
        bench.notModified304();
        long notModified = bench.reads.get() - before;
        before = bench.reads.get();
        bench.cached200();
        long cached = bench.reads.get() - before;
        before = bench.reads.get();
        bench.coldBody();
        long cold = bench.reads.get() - before;
        return new long[] {cold, cached, notModified};
    }

    /** Prints the booking reads of a cold body, a cached 200 and a 304 (a sanity run, not a benchmark). */
    public static void main(String[] args) {
        ExportBenchmark bench = new ExportBenchmark();
        bench.bookings = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        bench.fillTheStore();
        try {
            long[] reads = readsPerRequest(bench);
            System.out.printf(
                    "booking-store reads per request, %d stays: cold body %d, cached 200 %d, 304 %d%n",
                    bench.bookings, reads[0], reads[1], reads[2]);
        } finally {
            bench.stop();
        }
    }

    /** Counts the booking store's reads (find, load, history); writes pass through. */
    private record CountingStore(BookingStorePort store, AtomicLong reads) implements BookingStorePort {
        @Override
        public List<Booking> loadFeedBookings(FeedId feed) {
            reads.incrementAndGet();
            return store.loadFeedBookings(feed);
        }

        @Override
        public void apply(FeedChangeSet changes) {
            store.apply(changes);
        }

        @Override
        public List<Booking> find(BookingQuery query) {
            reads.incrementAndGet();
            return store.find(query);
        }

        @Override
        public List<BookingChange> history(HistoryQuery query) {
            reads.incrementAndGet();
            return store.history(query);
        }
    }
}
