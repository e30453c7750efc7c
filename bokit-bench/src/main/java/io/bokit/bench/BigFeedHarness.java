package io.bokit.bench;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.ClockPort;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.InitializeMode;
import io.bokit.testkit.LocalFeedServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Issue 9's memory proof: ONE big Airbnb-style feed synced end to end (a {@link LocalFeedServer} streaming it from
 * disk → {@link HttpFeedFetcher} → parse → reconcile → an H2 file), meant to run in a JVM with a small heap:
 *
 * <pre>
 * java -Xmx128m -XX:+HeapDumpOnOutOfMemoryError -cp bokit-bench/target/benchmarks.jar io.bokit.bench.BigFeedHarness
 *     [--events 35000] [--max-body-mib 10]
 * </pre>
 *
 * <p>The default is the largest generated feed under the fetcher's default cap of 10 MiB (35,000 events, 9.9 MiB);
 * {@code --events 40000 --max-body-mib 16} syncs a 11.3 MiB feed with the cap raised. The feed is written to a file
 * and served from disk, so the only copies of it on the heap are bokit's own. Two syncs run: the first import, then a
 * re-sync of the same body without validators (the body-hash path). Exits with 0 on success, 1 if the sync did not
 * import every event, 3 on {@link OutOfMemoryError}.
 */
public final class BigFeedHarness {
    private static final int DEFAULT_EVENTS = 35_000;
    private static final int DEFAULT_CAP_MIB = 10;
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private BigFeedHarness() {}

    /**
     * Runs the sync and prints what it did and the heap it took.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = SyncHarness.options(args);
        // as in SyncHarness: no delayed-ACK stalls from the JDK's test HTTP server
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        int events = SyncHarness.intOption(options, "events", DEFAULT_EVENTS);
        long cap = (long) SyncHarness.intOption(options, "max-body-mib", DEFAULT_CAP_MIB) * 1024 * 1024;
        PrintStream out = System.out;
        Path directory = Files.createTempDirectory("bokit-big-feed");
        int exit;
        try {
            exit = run(out, directory, events, cap);
        } catch (OutOfMemoryError e) {
            out.println("FAILED OutOfMemoryError: " + e.getMessage());
            exit = 3;
        } finally {
            SyncHarness.delete(directory);
        }
        System.exit(exit);
    }

    private static int run(PrintStream out, Path directory, int events, long cap) throws Exception {
        LocalDate today = LocalDate.ofInstant(ClockPort.system().now(), ZONE);
        Path file = directory.resolve("big.ics");
        Files.writeString(
                file,
                AirbnbFeedGenerator.generate(events, AirbnbFeedGenerator.DEFAULT_SEED, today.minusDays(events * 2L)),
                StandardCharsets.UTF_8);
        long bytes = Files.size(file);
        out.printf(
                Locale.ROOT,
                "BigFeedHarness: one feed of %,d events, %,d bytes (%.2f MiB); fetcher cap %,d bytes (%d MiB);"
                        + " max heap %d MiB%n",
                events,
                bytes,
                bytes / 1048576.0,
                cap,
                cap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("bokit").toAbsolutePath());
        dataSource.setUser("sa");
        try (LocalFeedServer server = LocalFeedServer.start();
                HeapWatcher heap = new HeapWatcher()) {
            Bokit bokit = BokitHost.builder(BokitSettings.builder()
                            .schemaInitialize(InitializeMode.ALWAYS)
                            .build())
                    .dataSource(dataSource)
                    .fetcher(new HttpFeedFetcher(HttpFetchSettings.builder()
                            .allowLoopback()
                            .maxBodyBytes(cap)
                            .build()))
                    .executor(Runnable::run)
                    .build()
                    .bokit();
            CalendarKey calendar = CalendarKey.of("big-listing");
            bokit.feeds().addCalendar(new AddCalendarCommand(calendar, "Big listing", ZONE));
            FeedUrl url = server.serve("/calendar/ical/big.ics", file);
            bokit.feeds().addFeed(new AddFeedCommand(calendar, FeedId.of("big"), url, null));
            int exit = 0;
            for (String phase : new String[] {"first import", "re-sync, same body, no validators"}) {
                heap.reset();
                long started = System.nanoTime();
                SyncResult result = bokit.sync().sync(SyncCommand.forceAll());
                double seconds = (System.nanoTime() - started) / 1e9;
                FeedResult feed =
                        ((SyncResult.Completed) result).report().feeds().get(0);
                boolean ok = feed.error() == null && feed.counters().total() == events;
                out.printf(
                        Locale.ROOT,
                        "%-6s %-36s %6.2f s  outcome %s%s  %s  peak heap %d MiB, largest after GC %d MiB,"
                                + " %d GCs (max heap %d MiB)%n",
                        ok ? "OK" : "FAILED",
                        phase,
                        seconds,
                        feed.outcome(),
                        feed.error() == null ? "" : " (" + feed.error() + ")",
                        feed.counters().toJson(),
                        heap.peakUsed() >> 20,
                        heap.peakAfterGc() >> 20,
                        heap.collections(),
                        heap.maxHeap() >> 20);
                if (!ok) {
                    exit = 1;
                }
            }
            return exit;
        }
    }
}
