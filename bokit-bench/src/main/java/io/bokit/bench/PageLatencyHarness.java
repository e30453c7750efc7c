package io.bokit.bench;

import io.bokit.testkit.LocalFeedServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Page latency of a host application with bokit and without it (issue 9 item 2). Run by hand, never by
 * the build:
 *
 * <pre>
 *   java -cp bokit-bench/target/benchmarks.jar io.bokit.bench.PageLatencyHarness \
 *       --app-classpath "bokit-example-spring/target/classes:$(cat bokit-bench/target/example-classpath.txt)"
 * </pre>
 *
 * <p>It starts the Spring example ({@code bokit-example-spring}, H2 in memory) as a child JVM on a free port of
 * 127.0.0.1 and drives its page {@code /hello} (one query on the application's DataSource, no bokit code) with a
 * closed-loop load generator: {@code --users} threads, each sending the next request when the previous one
 * answered, over one {@link HttpClient} on loopback. Each phase warms up, then measures throughput and the p50
 * and p99 latency of every request started inside the measuring window.
 *
 * <ol>
 *   <li><b>Steady state</b>: {@code --rounds} rounds of "bokit enabled" then "{@code bokit.enabled=false}",
 *       alternated, each in a fresh JVM. Enabled means installed, a sync interval of one hour and the two demo
 *       feeds: the first page view syncs them during the warm-up, then every request runs the hook, which is
 *       never due again during the measurement.</li>
 *   <li><b>Under sync</b>: one more JVM with {@code --feeds} feeds (default 200) on {@code --hosts} feed servers
 *       (127.0.0.2 …), each feed held {@code --hold-ms} (2 s) by its server from the moment its request arrives.
 *       The app starts not installed, is warmed up and measured, then: 20 single requests one after the other,
 *       {@code POST /actuator/bokit/install.complete}, one single request (the one whose hook starts the sync),
 *       20 single requests, and a loaded measurement while the sync runs.</li>
 * </ol>
 */
public final class PageLatencyHarness {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String appClasspath;
    private final int rounds;
    private final int users;
    private final Duration warmup;
    private final Duration measure;
    private final int feeds;
    private final int hosts;
    private final Duration hold;
    private final String page;
    private final Path logDir;

    private PageLatencyHarness(Args args) {
        this.appClasspath = args.appClasspath;
        this.rounds = args.rounds;
        this.users = args.users;
        this.warmup = Duration.ofSeconds(args.warmupSeconds);
        this.measure = Duration.ofSeconds(args.measureSeconds);
        this.feeds = args.feeds;
        this.hosts = args.hosts;
        this.hold = Duration.ofMillis(args.holdMillis);
        this.page = args.page;
        this.logDir = Path.of(args.logDir);
    }

    /** Runs both parts and prints the results table. */
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        new PageLatencyHarness(args).run();
    }

    private void run() throws Exception {
        Files.createDirectories(logDir);
        System.out.printf(
                Locale.ROOT,
                "PageLatencyHarness: page %s, %d users in closed loop, warm-up %d s, measure %d s, %d rounds"
                        + " alternated; under sync: %d feeds on %d hosts, each held %d ms; child logs in %s%n",
                page,
                users,
                warmup.toSeconds(),
                measure.toSeconds(),
                rounds,
                feeds,
                hosts,
                hold.toMillis(),
                logDir);

        List<Phase> enabled = new ArrayList<>();
        List<Phase> disabled = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            enabled.add(steady("enabled", round, List.of("--bokit.install=true", "--bokit.default-interval=3600s")));
            disabled.add(steady("disabled", round, List.of("--bokit.enabled=false")));
        }
        UnderSync baseline = underSync(false);
        UnderSync underSync = underSync(true);

        System.out.println();
        System.out.println("Steady state, one fresh JVM per row:");
        System.out.printf(
                Locale.ROOT,
                "  %-28s %10s %9s %9s %9s %7s%n",
                "phase",
                "req/s",
                "p50 ms",
                "p99 ms",
                "max ms",
                "errors");
        for (int i = 0; i < rounds; i++) {
            System.out.println("  " + enabled.get(i).row());
            System.out.println("  " + disabled.get(i).row());
        }
        double thrEnabled =
                median(enabled.stream().mapToDouble(Phase::throughput).toArray());
        double thrDisabled =
                median(disabled.stream().mapToDouble(Phase::throughput).toArray());
        double p99Enabled =
                median(enabled.stream().mapToDouble(p -> p.percentile(0.99)).toArray());
        double p99Disabled =
                median(disabled.stream().mapToDouble(p -> p.percentile(0.99)).toArray());
        double p50Enabled =
                median(enabled.stream().mapToDouble(p -> p.percentile(0.50)).toArray());
        double p50Disabled =
                median(disabled.stream().mapToDouble(p -> p.percentile(0.50)).toArray());
        System.out.printf(
                Locale.ROOT,
                "  medians over rounds: enabled %.0f req/s p50 %.2f ms p99 %.2f ms;"
                        + " disabled %.0f req/s p50 %.2f ms p99 %.2f ms%n",
                thrEnabled,
                p50Enabled,
                p99Enabled,
                thrDisabled,
                p50Disabled,
                p99Disabled);
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < rounds; i++) {
            pairs.append(String.format(
                    Locale.ROOT,
                    " round %d: %.3f / %.3f;",
                    i + 1,
                    enabled.get(i).throughput() / disabled.get(i).throughput(),
                    enabled.get(i).percentile(0.99) / disabled.get(i).percentile(0.99)));
        }
        System.out.println("  per round, throughput ratio / p99 ratio:" + pairs);

        System.out.println();
        System.out.println("Under sync: two JVMs on the same timeline (warm-up, measure, 20 single requests, the"
                + " trigger, 20 single requests, 2 s, measure), bokit disabled then enabled:");
        System.out.printf(Locale.ROOT, "  %-28s %10s %9s %9s %9s %7s%n", "phase", "req/s", "p50 ms", "p99 ms", "max ms",
                "errors");
        System.out.println("  " + baseline.before.row());
        System.out.println("  " + baseline.during.row());
        System.out.println("  " + underSync.before.row());
        System.out.println("  " + underSync.during.row());
        System.out.printf(Locale.ROOT, "  sync: %d of %d feeds requested when the measurement started, %d when it"
                        + " ended, %d answered (the sync was %s); the harness saw its first feed request %.0f ms"
                        + " after sending the trigger request%n",
                underSync.arrivedAtStart, feeds, underSync.arrivedAtEnd, underSync.releasedAtEnd,
                underSync.arrivedAtStart > 0 && underSync.releasedAtEnd < feeds ? "running throughout"
                        : "NOT running throughout",
                underSync.syncStartMillis);
        for (UnderSync one : List.of(baseline, underSync)) {
            System.out.printf(Locale.ROOT, "  %-8s the request at the trigger's place %.2f ms; the 20 single"
                            + " requests before it: median %.2f ms, max %.2f ms; the 20 after it: median %.2f ms,"
                            + " max %.2f ms%n",
                    one == baseline ? "disabled" : "enabled", one.triggerMillis, median(one.soloBefore),
                    max(one.soloBefore), median(one.soloAfter), max(one.soloAfter));
        }

        double thrRatio = thrEnabled / thrDisabled;
        double p99Ratio = p99Enabled / p99Disabled;
        double syncRatio = underSync.during.percentile(0.99) / baseline.during.percentile(0.99);
        double syncRatioSteady = underSync.during.percentile(0.99) / p99Disabled;
        double syncRatioSameJvm = underSync.during.percentile(0.99) / underSync.before.percentile(0.99);
        double[] neighbours = concat(underSync.soloBefore, underSync.soloAfter);
        double triggerRatio = underSync.triggerMillis / median(neighbours);
        System.out.println();
        System.out.println("Against the targets (issue 9 item 2):");
        target("steady throughput, enabled / disabled (medians)", thrRatio, ">= 0.97", thrRatio >= 0.97);
        target("steady p99, enabled / disabled (medians)", p99Ratio, "<= 1.05", p99Ratio <= 1.05);
        target("p99 under sync / disabled, same timeline", syncRatio, "<= 1.10", syncRatio <= 1.10);
        target("  p99 under sync / steady disabled (median)", syncRatioSteady, "(info)", true);
        target("  p99 under sync / same JVM before the sync", syncRatioSameJvm, "(info)", true);
        target("trigger request / median of its 40 neighbours", triggerRatio,
                "within the neighbours' range", underSync.triggerMillis <= max(neighbours));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void target(String what, double value, String target, boolean met) {
        System.out.printf(Locale.ROOT, "  %-52s %8.3f  target %-26s %s%n", what, value, target, met ? "met" : "MISSED");
    }

    private Phase steady(String mode, int round, List<String> props) throws Exception {
        try (App app = App.start(appClasspath, props, logDir.resolve("page-latency-" + mode + "-" + round + ".log"))) {
            URI uri = app.uri(page);
            load(uri, warmup, null);
            Phase phase = new Phase(mode + ", round " + round, measure);
            load(uri, measure, phase);
            System.out.println("  " + phase.row() + "   (load average " + loadAverage() + ")");
            return phase;
        }
    }

    private UnderSync underSync(boolean bokit) throws Exception {
        String body = AirbnbFeedGenerator.generate(10, AirbnbFeedGenerator.DEFAULT_SEED);
        List<LocalFeedServer> servers = new ArrayList<>();
        List<LocalFeedServer.Hold> holds = new ArrayList<>();
        Path props = logDir.resolve("page-latency-feeds.properties");
        StringBuilder text = new StringBuilder();
        ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hold-releaser");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger released = new AtomicInteger();
        Set<Integer> scheduled = ConcurrentHashMap.newKeySet();
        try {
            for (int h = 0; h < hosts; h++) {
                servers.add(LocalFeedServer.start("127.0.0." + (h + 2)));
            }
            int calendars = Math.max(1, feeds / 10);
            for (int c = 0; c < calendars; c++) {
                text.append("bokit.calendars[")
                        .append(c)
                        .append("].key=cal")
                        .append(c)
                        .append('\n');
                text.append("bokit.calendars[")
                        .append(c)
                        .append("].name=Calendar ")
                        .append(c)
                        .append('\n');
            }
            for (int f = 0; f < feeds; f++) {
                LocalFeedServer server = servers.get(f % hosts);
                String path = "/feed-" + f + ".ics";
                holds.add(server.hold(path, body));
                text.append("bokit.feeds[")
                        .append(f)
                        .append("].id=feed")
                        .append(f)
                        .append('\n');
                text.append("bokit.feeds[")
                        .append(f)
                        .append("].calendar=cal")
                        .append(f % calendars)
                        .append('\n');
                text.append("bokit.feeds[")
                        .append(f)
                        .append("].url=")
                        .append(server.url(path).reveal())
                        .append('\n');
            }
            Files.writeString(props, text.toString(), StandardCharsets.UTF_8);
            // each feed's request is answered hold-ms after it arrived
            releaser.scheduleWithFixedDelay(
                    () -> {
                        for (int i = 0; i < holds.size(); i++) {
                            LocalFeedServer.Hold one = holds.get(i);
                            if (one.arrivals() > 0 && scheduled.add(i)) {
                                releaser.schedule(
                                        () -> {
                                            one.release();
                                            released.incrementAndGet();
                                        },
                                        hold.toMillis(),
                                        TimeUnit.MILLISECONDS);
                            }
                        }
                    },
                    10,
                    10,
                    TimeUnit.MILLISECONDS);

            List<String> args = bokit
                    ? List.of(
                            "--spring.config.additional-location=file:" + props.toAbsolutePath(),
                            "--bokit.install=false",
                            "--bokit.default-interval=3600s",
                            "--bokit.parallel-hosts=" + Math.min(64, hosts),
                            "--bokit.http.allowed-private-addresses=127.0.0.0/8",
                            "--bokit.executor.shutdown-timeout=1s",
                            "--management.endpoint.bokit.access=unrestricted")
                    : List.of("--bokit.enabled=false");
            String mode = bokit ? "enabled" : "disabled";
            try (App app = App.start(appClasspath, args, logDir.resolve("page-latency-timeline-" + mode + ".log"))) {
                URI uri = app.uri(page);
                load(uri, warmup, null);
                Phase before = new Phase(mode + ", before the sync", measure);
                load(uri, measure, before);
                System.out.println("  " + before.row() + "   (load average " + loadAverage() + ")");
                if (arrivals(holds) != 0) {
                    throw new IllegalStateException("a sync started before the trigger");
                }
                double[] soloBefore = solo(uri, 20);
                if (bokit) {
                    send(HttpRequest.newBuilder(app.uri("/actuator/bokit/install.complete"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"true\"}"))
                            .build(), 200);
                }
                long triggered = System.nanoTime();
                double trigger = solo(uri, 1)[0];
                double[] soloAfter = solo(uri, 20);
                double syncStart = Double.NaN;
                if (bokit) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (arrivals(holds) == 0 && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    if (arrivals(holds) == 0) {
                        throw new IllegalStateException("the trigger request did not start a sync");
                    }
                    // arrivals are polled: the time until the harness saw the first feed request
                    syncStart = (System.nanoTime() - triggered) / 1e6;
                }
                Phase during = new Phase(mode + (bokit ? ", under sync" : ", same timeline"), measure);
                load(uri, Duration.ofSeconds(2), null);
                int arrivedAtStart = arrivals(holds);
                load(uri, measure, during);
                int arrivedAtEnd = arrivals(holds);
                int releasedAtEnd = released.get();
                System.out.println("  " + during.row() + "   (load average " + loadAverage() + ")");
                return new UnderSync(before, during, soloBefore, trigger, soloAfter, syncStart, arrivedAtStart,
                        arrivedAtEnd, releasedAtEnd);
            }
        } finally {
            releaser.shutdownNow();
            holds.forEach(LocalFeedServer.Hold::release);
            servers.forEach(LocalFeedServer::close);
        }
    }

    private static int arrivals(List<LocalFeedServer.Hold> holds) {
        int total = 0;
        for (LocalFeedServer.Hold one : holds) {
            total += one.arrivals() > 0 ? 1 : 0;
        }
        return total;
    }

    /** Single requests one after the other, no other load: their latencies in ms. */
    private static double[] solo(URI uri, int count) throws Exception {
        double[] out = new double[count];
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            send(request, 200);
            out[i] = (System.nanoTime() - start) / 1e6;
        }
        return out;
    }

    private static void send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** Closed loop: every user sends its next request when the previous one answered. */
    private void load(URI uri, Duration duration, Phase phase) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofSeconds(30))
                .build();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Thread[] threads = new Thread[users];
        for (int u = 0; u < users; u++) {
            threads[u] = new Thread(
                    () -> {
                        long[] mine = new long[1 << 16];
                        int n = 0;
                        int errors = 0;
                        while (true) {
                            long sent = System.nanoTime();
                            if (sent >= end) {
                                break;
                            }
                            try {
                                HttpResponse<Void> response =
                                        CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
                                if (response.statusCode() != 200) {
                                    errors++;
                                }
                            } catch (IOException e) {
                                errors++;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                break;
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = System.nanoTime() - sent;
                        }
                        if (phase != null) {
                            phase.add(Arrays.copyOf(mine, n), errors);
                        }
                    },
                    "user-" + u);
            threads[u].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** The latencies of one measuring window. */
    private static final class Phase {
        private final String name;
        private final Duration window;
        private final List<long[]> parts = new ArrayList<>();
        private int errors;
        private long[] sorted;

        Phase(String name, Duration window) {
            this.name = name;
            this.window = window;
        }

        synchronized void add(long[] latencies, int errorCount) {
            parts.add(latencies);
            errors += errorCount;
            sorted = null;
        }

        synchronized long[] sorted() {
            if (sorted == null) {
                sorted = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            }
            return sorted;
        }

        double throughput() {
            return sorted().length / (window.toNanos() / 1e9);
        }

        /** The latency in ms at a quantile (nearest rank). */
        double percentile(double q) {
            long[] all = sorted();
            int rank = (int) Math.ceil(q * all.length);
            return all[Math.max(0, Math.min(all.length - 1, rank - 1))] / 1e6;
        }

        String row() {
            long[] all = sorted();
            return String.format(
                    Locale.ROOT,
                    "%-28s %10.0f %9.2f %9.2f %9.2f %7d",
                    name,
                    throughput(),
                    percentile(0.50),
                    percentile(0.99),
                    all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6,
                    errors);
        }
    }

    private record UnderSync(
            Phase before,
            Phase during,
            double[] soloBefore,
            double triggerMillis,
            double[] soloAfter,
            double syncStartMillis,
            int arrivedAtStart,
            int arrivedAtEnd,
            int releasedAtEnd) {}

    /** The example as a child JVM on a free port of 127.0.0.1, H2 in memory. */
    private static final class App implements AutoCloseable {
        private final Process process;
        private final int port;

        private App(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static App start(String classpath, List<String> props, Path log) throws Exception {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m",
                    "-Xmx512m",
                    "-Dnet.fortuna.ical4j.timezone.update.enabled=false",
                    "-cp",
                    classpath,
                    "io.bokit.example.ExampleApplication",
                    "--server.address=127.0.0.1",
                    "--server.port=" + port,
                    "--spring.datasource.url=jdbc:h2:mem:page-latency;DB_CLOSE_DELAY=-1",
                    "--spring.main.banner-mode=off"));
            command.addAll(props);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            App app = new App(process, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            HttpRequest health =
                    HttpRequest.newBuilder(app.uri("/actuator/health")).GET().build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the example exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (CLIENT.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return app;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    app.close();
                    throw new IllegalStateException("the example did not start within 120 s; see " + log);
                }
                Thread.sleep(100);
            }
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Args {
        String appClasspath = System.getProperty("bokit.example.classpath");
        int rounds = 3;
        int users = 16;
        int warmupSeconds = 8;
        int measureSeconds = 10;
        int feeds = 200;
        int hosts = 20;
        int holdMillis = 2000;
        String page = "/hello";
        String logDir = "bokit-bench/target";

        static Args parse(String[] argv) {
            Args args = new Args();
            for (int i = 0; i < argv.length; i++) {
                String value = i + 1 < argv.length ? argv[i + 1] : null;
                switch (argv[i]) {
                    case "--app-classpath" -> args.appClasspath = value;
                    case "--rounds" -> args.rounds = Integer.parseInt(value);
                    case "--users" -> args.users = Integer.parseInt(value);
                    case "--warmup" -> args.warmupSeconds = Integer.parseInt(value);
                    case "--measure" -> args.measureSeconds = Integer.parseInt(value);
                    case "--feeds" -> args.feeds = Integer.parseInt(value);
                    case "--hosts" -> args.hosts = Integer.parseInt(value);
                    case "--hold-ms" -> args.holdMillis = Integer.parseInt(value);
                    case "--page" -> args.page = value;
                    case "--log-dir" -> args.logDir = value;
                    default -> throw new IllegalArgumentException("unknown argument " + argv[i]);
                }
                i++;
            }
            if (args.appClasspath == null || args.appClasspath.isBlank()) {
                throw new IllegalArgumentException("--app-classpath is required (the example's classes and"
                        + " dependencies, see bokit-bench/run.sh)");
            }
            for (String entry : args.appClasspath.split(File.pathSeparator)) {
                if (!new File(entry).exists()) {
                    throw new IllegalArgumentException("not found on the app classpath: " + entry);
                }
            }
            return args;
        }
    }
}
