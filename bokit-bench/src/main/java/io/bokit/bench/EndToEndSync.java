package io.bokit.bench;

import com.sun.management.OperatingSystemMXBean;
import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.InitializeMode;
import io.bokit.testkit.LocalFeedServer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * The end-to-end scenario of issues 4 and 9: many Airbnb-style feeds served over HTTP on loopback addresses (one
 * address per channel host), synced into a real database through bokit's own adapters ({@link HttpFeedFetcher},
 * the JDBC stores, wired by {@link BokitHost}), in four timed phases: first import, re-sync answered by 304s, re-sync of identical bodies
 * without validators (the body-hash path), and re-sync with a share of the feeds changed. Every phase counts the
 * booking rows written (statements on the booking table, through {@link CountingDataSource}) and watches the heap.
 * Not thread-safe: one scenario, one thread.
 */
final class EndToEndSync implements AutoCloseable {
    static final String PREFIX = "bokit_";
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final long SEED = 20_251_022L;
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final Config config;
    private final DataSource raw;
    private final CountingDataSource counting;
    private final CountingFetcher fetcher;
    private final List<LocalFeedServer> servers = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final Bokit bokit;

    /**
     * The scenario's shape.
     *
     * @param feeds how many feeds (one calendar each)
     * @param events events per feed
     * @param hosts loopback addresses standing for channel hosts (127.0.0.1 …); feeds are dealt round-robin
     * @param changedPercent the share of feeds changed in the last phase (one event moved in each)
     * @param parallelHosts {@link RunSettings#parallelHosts()}
     */
    record Config(int feeds, int events, int hosts, int changedPercent, int parallelHosts) {
        Config {
            if (feeds < 1 || events < 1 || hosts < 1 || hosts > 250 || changedPercent < 0 || changedPercent > 100) {
                throw new IllegalArgumentException("Invalid scenario " + feeds + " feeds, " + events + " events, "
                        + hosts + " hosts, " + changedPercent + " % changed");
            }
        }

        /** The issues' scenario: 1,000 feeds × 100 events on 8 hosts, 10 % changed, the default parallel hosts. */
        static Config issue() {
            return new Config(1_000, 100, 8, 10, RunSettings.DEFAULT_PARALLEL_HOSTS);
        }

        int changedFeeds() {
            return (int) ((long) feeds * changedPercent / 100);
        }
    }

    /**
     * One timed phase.
     *
     * @param name what the phase does
     * @param nanos wall time of {@code sync(forceAll())}
     * @param cpuNanos CPU time of this JVM over the phase, all threads (bokit, the feed server and an embedded H2;
     *     not a PostgreSQL server's processes): the work done, which a busy machine stretches less than wall time
     * @param jitMillis time the JIT compilers spent compiling during the phase (part of {@code cpuNanos}): high while
     *     the JVM has not reached its steady state
     * @param feeds feeds in the run
     * @param events events the feeds hold (feeds × events per feed)
     * @param totals the run's summed counters
     * @param outcomes feeds by outcome
     * @param errors failed feeds
     * @param fetches fetch results by kind: 304s, bodies, failures
     * @param writes rows and statements counted on the database
     * @param bookingRowsStored rows in the booking table after the phase
     * @param peakUsedHeap peak used heap during the phase, bytes
     * @param peakHeapAfterGc largest heap left after a collection during the phase, bytes
     * @param collections collections during the phase
     */
    record Phase(
            String name,
            long nanos,
            long cpuNanos,
            long jitMillis,
            int feeds,
            long events,
            SyncCounters totals,
            Map<FeedOutcome, Integer> outcomes,
            int errors,
            Fetches fetches,
            CountingDataSource.Counts writes,
            long bookingRowsStored,
            long peakUsedHeap,
            long peakHeapAfterGc,
            long collections) {
        double seconds() {
            return nanos / 1e9;
        }

        double cpuSeconds() {
            return cpuNanos / 1e9;
        }

        double jitSeconds() {
            return jitMillis / 1e3;
        }

        double eventsPerSecond() {
            return events / seconds();
        }

        double feedsPerSecond() {
            return feeds / seconds();
        }

        double bookingsWrittenPerSecond() {
            return writes.bookingRows() / seconds();
        }
    }

    /**
     * What the fetcher answered in a phase.
     *
     * @param notModified 304 answers
     * @param bodies full bodies
     * @param failed failures
     * @param bodyChars characters of all bodies
     */
    record Fetches(long notModified, long bodies, long failed, long bodyChars) {}

    EndToEndSync(Config config, DataSource dataSource) {
        this.config = config;
        this.raw = dataSource;
        this.counting = new CountingDataSource(dataSource, PREFIX);
        this.fetcher = new CountingFetcher(
                new HttpFeedFetcher(HttpFetchSettings.builder().allowLoopback().build()));
        this.bokit = BokitHost.builder(BokitSettings.builder()
                        .tablePrefix(PREFIX)
                        .schemaInitialize(InitializeMode.ALWAYS)
                        .parallelHosts(config.parallelHosts())
                        .build())
                .dataSource(counting)
                .fetcher(fetcher)
                .executor(Runnable::run)
                .build()
                .bokit();
        for (int h = 1; h <= config.hosts(); h++) {
            servers.add(LocalFeedServer.start("127.0.0." + h));
        }
        LocalDate today = LocalDate.ofInstant(ClockPort.system().now(), ZONE);
        // about half of each feed's stays lie ahead, as in a live listing
        LocalDate firstDay = today.minusDays(config.events() * 5L / 2);
        for (int i = 0; i < config.feeds(); i++) {
            String id = String.format(Locale.ROOT, "%05d", i);
            CalendarKey calendar = CalendarKey.of("listing-" + id);
            bokit.feeds().addCalendar(new AddCalendarCommand(calendar, "Listing " + id, ZONE));
            String path = "/calendar/ical/" + id + ".ics";
            String body = AirbnbFeedGenerator.generate(config.events(), SEED + i, firstDay);
            paths.add(path);
            bodies.add(body);
            FeedUrl url = server(i).serve(path, body, etag(i, 1));
            bokit.feeds()
                    .addFeed(new AddFeedCommand(
                            calendar, FeedId.of("airbnb-" + id), FeedUrl.parse(url.reveal() + "?s=token" + id), null));
        }
    }

    /** Runs the four phases and returns them in order. */
    List<Phase> run(HeapWatcher heap) {
        List<Phase> phases = new ArrayList<>();
        phases.add(phase("first import", heap));
        phases.add(phase("re-sync, 304 Not Modified", heap));
        for (int i = 0; i < config.feeds(); i++) {
            server(i).serve(paths.get(i), bodies.get(i));
        }
        phases.add(phase("re-sync, same bodies, no validators", heap));
        int changed = 0;
        int step = config.changedFeeds() == 0 ? Integer.MAX_VALUE : Math.max(1, config.feeds() / config.changedFeeds());
        for (int i = 0; i < config.feeds(); i++) {
            if (changed < config.changedFeeds() && i % step == 0) {
                server(i).serve(paths.get(i), moveLastCheckOut(bodies.get(i)), etag(i, 2));
                changed++;
            } else {
                server(i).serve(paths.get(i), bodies.get(i), etag(i, 1));
            }
        }
        phases.add(phase("re-sync, " + config.changedPercent() + " % of feeds changed", heap));
        return phases;
    }

    Config config() {
        return config;
    }

    private Phase phase(String name, HeapWatcher heap) {
        settle();
        heap.reset();
        CountingDataSource.Counts before = counting.counts();
        Fetches fetchesBefore = fetcher.fetches();
        long cpuBefore = CPU.getProcessCpuTime();
        long jitBefore = compilationMillis();
        long started = System.nanoTime();
        SyncResult result = bokit.sync().sync(SyncCommand.forceAll());
        long nanos = System.nanoTime() - started;
        long cpuNanos = CPU.getProcessCpuTime() - cpuBefore;
        long jitMillis = compilationMillis() - jitBefore;
        long peakUsed = heap.peakUsed();
        if (!(result instanceof SyncResult.Completed completed)) {
            throw new IllegalStateException("The sync did not run: " + result);
        }
        SyncReport report = completed.report();
        Map<FeedOutcome, Integer> outcomes = new EnumMap<>(FeedOutcome.class);
        for (FeedResult feed : report.feeds()) {
            outcomes.merge(feed.outcome(), 1, Integer::sum);
        }
        Fetches after = fetcher.fetches();
        return new Phase(
                name,
                nanos,
                cpuNanos,
                jitMillis,
                report.feeds().size(),
                (long) report.feeds().size() * config.events(),
                report.totals(),
                outcomes,
                report.errors(),
                new Fetches(
                        after.notModified() - fetchesBefore.notModified(),
                        after.bodies() - fetchesBefore.bodies(),
                        after.failed() - fetchesBefore.failed(),
                        after.bodyChars() - fetchesBefore.bodyChars()),
                counting.counts().minus(before),
                bookingRows(),
                peakUsed,
                heap.peakAfterGc(),
                heap.collections());
    }

    /**
     * Lets the database finish the previous phase's housekeeping before the next phase is timed, as the hour between
     * two real syncs does: H2 writes its pending changes to the file ({@code CHECKPOINT SYNC}); PostgreSQL writes a
     * checkpoint and refreshes the planner's statistics ({@code ANALYZE}, which autovacuum does after a large import).
     */
    private void settle() {
        try (Connection connection = raw.getConnection();
                Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
                statement.execute("CHECKPOINT");
                statement.execute("ANALYZE");
            } else {
                statement.execute("CHECKPOINT SYNC");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot settle the database between phases", e);
        }
    }

    /** The JIT compilers' total compilation time so far, 0 when this JVM does not monitor it. */
    private static long compilationMillis() {
        return JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    /** The rows of the booking table, counted on the raw data source. */
    long bookingRows() {
        try (Connection connection = raw.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + PREFIX + "booking")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the booking rows", e);
        }
    }

    private LocalFeedServer server(int feed) {
        return servers.get(feed % servers.size());
    }

    private static String etag(int feed, int version) {
        return "\"v" + version + "-" + feed + "\"";
    }

    /** The same feed with its last stay one night longer: one booking changes, nothing overlaps. */
    static String moveLastCheckOut(String body) {
        String marker = "DTEND;VALUE=DATE:";
        int at = body.lastIndexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("No DTEND in the feed");
        }
        int from = at + marker.length();
        LocalDate end = LocalDate.parse(body.substring(from, from + 8), DateTimeFormatter.BASIC_ISO_DATE);
        return body.substring(0, from)
                + end.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
                + body.substring(from + 8);
    }

    @Override
    public void close() {
        servers.forEach(LocalFeedServer::close);
    }

    /** Counts what the real fetcher answers: 304s, bodies (and their size), failures. Thread-safe. */
    private static final class CountingFetcher implements ICalFeedPort {
        private final ICalFeedPort target;
        private final LongAdder notModified = new LongAdder();
        private final LongAdder bodies = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final LongAdder bodyChars = new LongAdder();

        CountingFetcher(ICalFeedPort target) {
            this.target = target;
        }

        @Override
        public FetchResult fetch(FetchRequest request) {
            FetchResult result = target.fetch(request);
            if (result instanceof Content content) {
                bodies.increment();
                bodyChars.add(content.body().length());
            } else if (result instanceof NotModified) {
                notModified.increment();
            } else {
                failed.increment();
            }
            return result;
        }

        Fetches fetches() {
            return new Fetches(notModified.sum(), bodies.sum(), failed.sum(), bodyChars.sum());
        }
    }
}
