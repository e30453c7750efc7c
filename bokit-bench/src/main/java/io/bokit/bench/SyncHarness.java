package io.bokit.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bokit.core.domain.FeedOutcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The end-to-end sync benchmark of issues 4 and 9: {@link EndToEndSync}'s four phases into an H2 file and into an
 * embedded PostgreSQL, one after the other in one JVM, with a table of figures and the targets. Before each
 * database's measured run, {@link WarmUp warm-up rounds} of the same size (the four phases into a new database of the
 * same kind; not reported) run until the JIT has compiled the code paths of that database, so the first import
 * measures bokit's work as a long-running application sees it, not the JIT compiling H2's file store, the HTTP client
 * or the PostgreSQL driver (on 2 CPUs, after one round of the same size the JIT compilers still took 5 of the 13
 * CPU-seconds of the measured first import). The feed server runs with {@code -Dsun.net.httpserver.nodelay=true}
 * unless told otherwise (see {@code main}).
 *
 * <pre>
 * java -Xmx1g -cp bokit-bench/target/benchmarks.jar io.bokit.bench.SyncHarness [--db h2,pg] [--feeds 1000]
 *     [--events 100] [--hosts 8] [--changed 10] [--parallel-hosts 4] [--warmup-feeds <as --feeds>]
 *     [--warmup-rounds auto|N] [--cli bokit-cli/target/bokit-cli]
 * </pre>
 *
 * <p>With {@code --cli LAUNCHER} (issue 21) it measures the command line instead: the first import and then the 304
 * re-sync as {@code bokit-cli sync --force} runs them, each in a JVM of its own started by the launcher, into the H2
 * file the CLI opens with {@code --home}; see {@link #cli}. No warm-up, no PostgreSQL.
 *
 * <p>Exits with 0 when every run completed and every unchanged re-sync wrote no booking row, 1 otherwise (a missed
 * speed target is reported, not a failure: these machines are noisy).
 */
public final class SyncHarness {
    private static final double H2_FIRST_IMPORT_MAX_SECONDS = 15;
    private static final double H2_FIRST_IMPORT_MIN_BOOKINGS_PER_SECOND = 20_000;
    private static final double NOT_MODIFIED_MAX_SECONDS = 2;
    private static final double SAME_BODY_MAX_SECONDS = 3;
    private static final double PG_MIN_BOOKINGS_PER_SECOND = 10_000;
    private static final double PG_MAX_RATIO = 1.5;
    private static final int POOL_SIZE = 8;
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final String USAGE = "usage: SyncHarness [--db h2,pg] [--feeds 1000] [--events 100] [--hosts 8]"
            + " [--changed 10] [--parallel-hosts 4] [--warmup-feeds <as --feeds>] [--warmup-rounds auto|N]"
            + " [--cli LAUNCHER]";
    private static final Pattern SYNCED =
            Pattern.compile("^Synced (\\d+) feeds? in ([0-9.]+) s: total (\\d+), created (\\d+).*$", Pattern.MULTILINE);
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private SyncHarness() {}

    /**
     * Runs the benchmark and prints its report to standard output.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) throws Exception {
        EndToEndSync.Config config;
        List<Database> databases;
        WarmUp warmUp;
        String cli;
        try {
            Map<String, String> options = options(args);
            EndToEndSync.Config defaults = EndToEndSync.Config.issue();
            config = new EndToEndSync.Config(
                    intOption(options, "feeds", defaults.feeds()),
                    intOption(options, "events", defaults.events()),
                    intOption(options, "hosts", defaults.hosts()),
                    intOption(options, "changed", defaults.changedPercent()),
                    intOption(options, "parallel-hosts", defaults.parallelHosts()));
            databases = Stream.of(options.getOrDefault("db", "h2,pg").split(","))
                    .map(Database::of)
                    .toList();
            warmUp = WarmUp.of(
                    intOption(options, "warmup-feeds", config.feeds()), options.getOrDefault("warmup-rounds", "auto"));
            cli = options.get("cli");
        } catch (IllegalArgumentException e) {
            System.err.println("SyncHarness: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        // the JDK's test HTTP server writes headers and body separately; without TCP_NODELAY each body can wait for
        // a delayed ACK (about 40 ms on Linux), a stall of the feed server that real channel servers do not have
        System.setProperty(NODELAY, System.getProperty(NODELAY, "true"));
        PrintStream out = System.out;
        if (cli != null) {
            System.exit(cli(out, config, Path.of(cli)) ? 0 : 1);
            return;
        }
        out.printf(
                Locale.ROOT,
                "SyncHarness: %,d feeds x %,d events on %d loopback hosts (127.0.0.1-%d), parallelHosts=%d,"
                        + " %d %% changed in the last phase; max heap %d MiB; %s=%s; warm-up %s%n",
                config.feeds(),
                config.events(),
                config.hosts(),
                config.hosts(),
                config.parallelHosts(),
                config.changedPercent(),
                Runtime.getRuntime().maxMemory() >> 20,
                NODELAY,
                System.getProperty(NODELAY),
                warmUp);
        Map<String, List<EndToEndSync.Phase>> results = new LinkedHashMap<>();
        boolean ok = true;
        try (HeapWatcher heap = new HeapWatcher()) {
            for (Database kind : databases) {
                warmUp.run(out, kind, config, heap);
                List<EndToEndSync.Phase> phases = kind.run(config, heap);
                results.put(kind.key, phases);
                ok &= print(out, kind, config, phases);
            }
        }
        ok &= targets(out, results);
        System.exit(ok ? 0 : 1);
    }

    /**
     * The warm-up before each database's measured run: rounds of the scenario with {@code feeds} feeds, each into a new
     * database of the measured kind, not reported. With {@code untilSteady} ("auto") the rounds stop after the first
     * whose first import spent at most {@link #STEADY_JIT_SHARE} of its time compiling, after {@code rounds} at most;
     * otherwise exactly {@code rounds} run. Each round prints its first import's time, rate and compilation time.
     *
     * @param feeds feeds per round, 0 for no warm-up
     * @param rounds the number of rounds, or the most of them when {@code untilSteady}
     * @param untilSteady whether to stop once the JIT has settled
     */
    record WarmUp(int feeds, int rounds, boolean untilSteady) {
        static final int MAX_AUTO_ROUNDS = 10;
        static final double STEADY_JIT_SHARE = 0.10;

        WarmUp {
            if (feeds < 0 || rounds < 0) {
                throw new IllegalArgumentException("Invalid warm-up: " + feeds + " feeds, " + rounds + " rounds");
            }
        }

        /**
         * Reads {@code --warmup-feeds} and {@code --warmup-rounds}.
         *
         * @param feeds feeds per round (0: no warm-up)
         * @param rounds {@code auto} (until the JIT has settled, at most {@link #MAX_AUTO_ROUNDS}) or a number
         */
        static WarmUp of(int feeds, String rounds) {
            if (feeds == 0) {
                return new WarmUp(0, 0, false);
            }
            if (rounds.equals("auto")) {
                return new WarmUp(feeds, MAX_AUTO_ROUNDS, JIT.isCompilationTimeMonitoringSupported());
            }
            try {
                return new WarmUp(feeds, Integer.parseInt(rounds), false);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--warmup-rounds must be auto or a number of rounds, not " + rounds);
            }
        }

        void run(PrintStream out, Database kind, EndToEndSync.Config measured, HeapWatcher heap) throws IOException {
            if (rounds == 0) {
                return; // --warmup-feeds 0: a scenario of no feed is not one
            }
            EndToEndSync.Config config = new EndToEndSync.Config(
                    feeds, measured.events(), measured.hosts(), measured.changedPercent(), measured.parallelHosts());
            for (int round = 1; round <= rounds; round++) {
                long started = System.nanoTime();
                EndToEndSync.Phase first = kind.run(config, heap).get(0);
                boolean steady = first.jitSeconds() <= STEADY_JIT_SHARE * first.seconds();
                out.printf(
                        Locale.ROOT,
                        "warm-up %d on %s: %,d feeds, four phases, %.1f s; its first import %.2f s, %,.0f bookings/s,"
                                + " JIT %.2f s%s (not reported)%n",
                        round,
                        kind.title,
                        feeds,
                        (System.nanoTime() - started) / 1e9,
                        first.seconds(),
                        first.bookingsWrittenPerSecond(),
                        first.jitSeconds(),
                        steady ? ", steady" : "");
                if (untilSteady && steady) {
                    return;
                }
            }
        }

        @Override
        public String toString() {
            if (rounds == 0) {
                return "none";
            }
            return String.format(
                    Locale.ROOT,
                    "%,d feeds, %s %d round%s",
                    feeds,
                    untilSteady ? "until the JIT has settled, at most" : "exactly",
                    rounds,
                    rounds == 1 ? "" : "s");
        }
    }

    /**
     * A database to sync into: each run, warm-up or measured, gets a new, empty database of its kind, so the warm-up
     * compiles the very code paths the measured run takes (an H2 file store's writes, the PostgreSQL driver).
     */
    private enum Database {
        H2("h2", "H2 (file)") {
            @Override
            List<EndToEndSync.Phase> run(EndToEndSync.Config config, HeapWatcher heap) throws IOException {
                Path directory = Files.createTempDirectory("bokit-sync-harness-h2");
                try {
                    HikariConfig pool =
                            pool("jdbc:h2:file:" + directory.resolve("bokit").toAbsolutePath(), "sa");
                    try (HikariDataSource dataSource = new HikariDataSource(pool);
                            EndToEndSync sync = new EndToEndSync(config, dataSource)) {
                        return sync.run(heap);
                    }
                } finally {
                    delete(directory);
                }
            }
        },
        POSTGRES("pg", "PostgreSQL (embedded)") {
            @Override
            List<EndToEndSync.Phase> run(EndToEndSync.Config config, HeapWatcher heap) throws IOException {
                try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                        HikariDataSource dataSource =
                                new HikariDataSource(pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres"));
                        EndToEndSync sync = new EndToEndSync(config, dataSource)) {
                    return sync.run(heap);
                }
            }
        };

        private final String key;
        private final String title;

        Database(String key, String title) {
            this.key = key;
            this.title = title;
        }

        abstract List<EndToEndSync.Phase> run(EndToEndSync.Config config, HeapWatcher heap) throws IOException;

        static Database of(String key) {
            for (Database database : values()) {
                if (database.key.equals(key.strip())) {
                    return database;
                }
            }
            throw new IllegalArgumentException("Unknown database " + key + "; expected h2 or pg");
        }
    }

    /**
     * The scenario's first import and 304 re-sync run by {@code bokit-cli sync --force}, each in a fresh JVM: the harness
     * starts the feed servers and fills the store as for the H2 run (1,000 calendars and feeds by default), closes every
     * connection so that the CLI opens the H2 file itself (the URL it makes of {@code --home}, its empty user), then
     * times each process from its start to its exit: the JVM starting, H2 opening the file, the sync, the report
     * printed. The launcher's environment is this one's (so {@code BOKIT_FAST_START=off} measures it without its quick
     * start); {@code --allow-private} lets it fetch from the loopback servers.
     *
     * @return whether both runs exited 0 with every feed synced
     */
    private static boolean cli(PrintStream out, EndToEndSync.Config config, Path launcher)
            throws IOException, InterruptedException {
        out.printf(
                Locale.ROOT,
                "SyncHarness --cli %s: %,d feeds x %,d events on %d loopback hosts, each run a fresh JVM;"
                        + " BOKIT_FAST_START=%s, BOKIT_JAVA_OPTS=%s; %s=%s%n",
                launcher,
                config.feeds(),
                config.events(),
                config.hosts(),
                System.getenv().getOrDefault("BOKIT_FAST_START", "(unset)"),
                System.getenv().getOrDefault("BOKIT_JAVA_OPTS", "(unset)"),
                NODELAY,
                System.getProperty(NODELAY));
        Path home = Files.createTempDirectory("bokit-sync-harness-cli");
        try {
            HikariConfig pool =
                    pool("jdbc:h2:file:" + home.resolve("bokit").toAbsolutePath() + ";AUTO_SERVER=TRUE", "");
            HikariDataSource dataSource = new HikariDataSource(pool);
            try (EndToEndSync sync = new EndToEndSync(config, dataSource)) {
                // H2 closes the file with its last connection; the feed servers keep serving
                dataSource.close();
                boolean ok = cliRun(out, "first import", launcher, home, config);
                return cliRun(out, "re-sync, 304 Not Modified", launcher, home, config) && ok;
            } finally {
                dataSource.close();
            }
        } finally {
            delete(home);
        }
    }

    /** One {@code bokit-cli sync --force} timed from start to exit; false unless it exited 0 and synced every feed. */
    private static boolean cliRun(PrintStream out, String name, Path launcher, Path home, EndToEndSync.Config config)
            throws IOException, InterruptedException {
        List<String> command =
                List.of(launcher.toString(), "--home", home.toString(), "--allow-private", "sync", "--force");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("BOKIT_DB_"));
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        Matcher synced = SYNCED.matcher(output);
        if (code != 0 || !synced.find() || Integer.parseInt(synced.group(1)) != config.feeds()) {
            // the report names feeds, never their URLs
            out.printf(
                    Locale.ROOT,
                    "FAILED bokit-cli sync, %s: exit %d; its output began:%n%s%n",
                    name,
                    code,
                    output.lines().limit(20).collect(Collectors.joining("\n")));
            return false;
        }
        long created = Long.parseLong(synced.group(4));
        out.printf(
                Locale.ROOT,
                "bokit-cli sync, %s: %.2f s from start to exit, %,d bookings created (%,.0f bookings/s), %,.0f events/s;"
                        + " the sync alone (its report) %s s%n",
                name,
                seconds,
                created,
                created / seconds,
                (double) config.feeds() * config.events() / seconds,
                synced.group(2));
        return true;
    }

    private static HikariConfig pool(String url, String user) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword("");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setPoolName("bokit-bench");
        return pool;
    }

    /** Prints one database's phases; false when a run failed or an unchanged re-sync wrote a booking row. */
    private static boolean print(
            PrintStream out, Database database, EndToEndSync.Config config, List<EndToEndSync.Phase> phases) {
        out.printf(Locale.ROOT, "%n== %s ==%n", database.title);
        out.printf(
                Locale.ROOT,
                "%-38s %8s %6s %6s %10s %8s %9s %9s %9s %9s %6s %10s %10s%n",
                "phase",
                "seconds",
                "cpu s",
                "jit s",
                "events/s",
                "feeds/s",
                "304s",
                "bodies",
                "bk.rows",
                "history",
                "stmts",
                "peak heap",
                "after GC");
        boolean ok = true;
        for (EndToEndSync.Phase phase : phases) {
            out.printf(
                    Locale.ROOT,
                    "%-38s %8.2f %6.1f %6.2f %,10.0f %8.0f %,9d %,9d %,9d %,9d %,6d %6d MiB %6d MiB%n",
                    phase.name(),
                    phase.seconds(),
                    phase.cpuSeconds(),
                    phase.jitSeconds(),
                    phase.eventsPerSecond(),
                    phase.feedsPerSecond(),
                    phase.fetches().notModified(),
                    phase.fetches().bodies(),
                    phase.writes().bookingRows(),
                    phase.writes().historyInserts(),
                    phase.writes().statements(),
                    phase.peakUsedHeap() >> 20,
                    phase.peakHeapAfterGc() >> 20);
        }
        out.println();
        for (EndToEndSync.Phase phase : phases) {
            out.printf(
                    Locale.ROOT,
                    "%-38s outcomes %s, errors %d, totals %s, booking rows stored %,d, GCs %d%n",
                    phase.name(),
                    phase.outcomes(),
                    phase.errors(),
                    phase.totals().toJson(),
                    phase.bookingRowsStored(),
                    phase.collections());
            ok &= phase.errors() == 0;
        }
        EndToEndSync.Phase first = phases.get(0);
        long expected = (long) config.feeds() * config.events();
        ok &= check(out, "first import created every booking", first.totals().created() == expected);
        ok &= check(
                out,
                "first import wrote one booking row per event",
                first.writes().bookingRows() == expected && first.bookingRowsStored() == expected);
        out.printf(Locale.ROOT, "first import: %,.0f bookings written per second%n", first.bookingsWrittenPerSecond());
        for (EndToEndSync.Phase unchanged : phases.subList(1, 3)) {
            ok &= check(
                    out,
                    unchanged.name() + ": zero booking rows written (counted "
                            + unchanged.writes().bookingRows() + " booking, "
                            + unchanged.writes().historyInserts() + " history)",
                    unchanged.writes().bookingRows() == 0
                            && unchanged.writes().historyInserts() == 0
                            && unchanged.outcomes().getOrDefault(FeedOutcome.NOT_MODIFIED, 0) == config.feeds());
        }
        ok &= check(
                out,
                "re-sync, 304: every fetch answered 304",
                phases.get(1).fetches().notModified() == config.feeds());
        ok &= check(
                out,
                "re-sync, same bodies: every fetch returned a body",
                phases.get(2).fetches().bodies() == config.feeds());
        EndToEndSync.Phase changed = phases.get(3);
        ok &= check(
                out,
                "changed feeds: one booking row updated per changed feed ("
                        + changed.writes().bookingRows() + ")",
                changed.totals().updated() == config.changedFeeds()
                        && changed.writes().bookingUpdates() == config.changedFeeds()
                        && changed.writes().bookingInserts() == 0);
        return ok;
    }

    private static boolean targets(PrintStream out, Map<String, List<EndToEndSync.Phase>> results) {
        out.printf(Locale.ROOT, "%n== targets ==%n");
        List<EndToEndSync.Phase> h2 = results.get("h2");
        List<EndToEndSync.Phase> pg = results.get("pg");
        if (h2 != null) {
            target(out, "H2 first import <= 15 s", h2.get(0).seconds() <= H2_FIRST_IMPORT_MAX_SECONDS, h2.get(0));
            target(
                    out,
                    "H2 first import >= 20,000 bookings/s",
                    h2.get(0).bookingsWrittenPerSecond() >= H2_FIRST_IMPORT_MIN_BOOKINGS_PER_SECOND,
                    h2.get(0));
            target(out, "H2 304 re-sync <= 2 s", h2.get(1).seconds() <= NOT_MODIFIED_MAX_SECONDS, h2.get(1));
            target(out, "H2 identical-body re-sync <= 3 s", h2.get(2).seconds() <= SAME_BODY_MAX_SECONDS, h2.get(2));
        }
        if (pg != null) {
            target(
                    out,
                    "PostgreSQL first import >= 10,000 bookings/s",
                    pg.get(0).bookingsWrittenPerSecond() >= PG_MIN_BOOKINGS_PER_SECOND,
                    pg.get(0));
        }
        if (h2 != null && pg != null) {
            for (int i = 0; i < h2.size(); i++) {
                double ratio = pg.get(i).seconds() / h2.get(i).seconds();
                out.printf(
                        Locale.ROOT,
                        "%-6s PostgreSQL/H2 time, %s: %.2f (target <= %.1f)%n",
                        ratio <= PG_MAX_RATIO ? "MET" : "MISSED",
                        h2.get(i).name(),
                        ratio,
                        PG_MAX_RATIO);
            }
        }
        return true;
    }

    private static void target(PrintStream out, String what, boolean met, EndToEndSync.Phase phase) {
        out.printf(
                Locale.ROOT,
                "%-6s %s: %.2f s, %,.0f bookings written/s, %,.0f events/s%n",
                met ? "MET" : "MISSED",
                what,
                phase.seconds(),
                phase.bookingsWrittenPerSecond(),
                phase.eventsPerSecond());
    }

    private static boolean check(PrintStream out, String what, boolean passed) {
        out.printf(Locale.ROOT, "%-6s %s%n", passed ? "OK" : "FAILED", what);
        return passed;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + List.of(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> all =
                    new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }
}
