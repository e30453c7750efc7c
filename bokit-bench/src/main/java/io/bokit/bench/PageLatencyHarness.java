package io.bokit.bench;

import io.bokit.testkit.LocalFeedServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;

/**
 * Page latency of a host application with bokit and without it (issue 9 item 2). Run by hand, never by
 * the build ({@code bokit-bench/run.sh --page-latency-only}):
 *
 * <pre>
 *   java -cp bokit-bench/target/benchmarks.jar io.bokit.bench.PageLatencyHarness \
 *       --app-classpath-file bokit-bench/target/example-classpath.txt
 * </pre>
 *
 * <p>It starts the Spring example ({@code bokit-example-spring}, H2 in memory) as child JVMs on free ports of
 * 127.0.0.1, one with bokit and one with {@code bokit.enabled=false}, both at the same time, and drives their
 * page {@code /hello} (one query on the application's DataSource, no bokit code) with a closed-loop load
 * generator: {@code --users} threads, each sending its next request when the previous one answered, over one
 * {@link HttpClient} on loopback. Only one of the two apps is under load at any time: the load alternates
 * between them in short slices (A B B A A B …), so that the machine's drift (other builds on a shared
 * machine) falls on both alike. Each slice counts the requests it completed and their latencies.
 *
 * <ol>
 *   <li><b>Steady state</b>, {@code --rounds} pairs of fresh JVMs: bokit enabled means installed, a sync
 *       interval of one hour and the two demo feeds; the first page view syncs them during the warm-up, then
 *       every request runs the hook, which is never due during the measurement.</li>
 *   <li><b>Under sync</b>, one more pair: the bokit app has {@code --feeds} feeds (default 200) on
 *       {@code --hosts} feed servers (127.0.0.2 …), each feed held {@code --hold-ms} (2 s) by its server from
 *       the moment its request arrives, and starts not installed. After the warm-up and a measurement of both:
 *       a control ({@code POST /actuator/bokit/install.complete} with {@code false}, then one single request,
 *       whose hook starts a check that finds nothing due), 20 single requests one after the other, the same
 *       {@code POST} with {@code true}, one single request (its hook starts the check that starts the sync), 20
 *       single requests; then the alternated measurement while the sync runs. The disabled app gets the same 41
 *       single requests.</li>
 * </ol>
 */
public final class PageLatencyHarness {
    private static final String PAGE_LATENCY_DB = "jdbc:h2:mem:page-latency;DB_CLOSE_DELAY=-1";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String appClasspath;
    private final int rounds;
    private final int users;
    private final Duration warmup;
    private final int pairs;
    private final Duration slice;
    private final int syncPairs;
    private final int syncRounds;
    private final Duration syncSlice;
    private final int feeds;
    private final int hosts;
    private final Duration hold;
    private final String page;
    private final Path logDir;
    private final List<String> enabledExtra;

    private PageLatencyHarness(Args args) {
        this.enabledExtra = args.enabledExtra;
        this.appClasspath = args.appClasspath;
        this.rounds = args.rounds;
        this.users = args.users;
        this.warmup = Duration.ofSeconds(args.warmupSeconds);
        this.pairs = args.pairs;
        this.slice = Duration.ofMillis(args.sliceMillis);
        this.syncPairs = args.syncPairs;
        this.syncRounds = args.syncRounds;
        this.syncSlice = Duration.ofMillis(args.syncSliceMillis);
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
                "PageLatencyHarness: page %s, %d users in closed loop; steady state: %d rounds (fresh JVM pairs),"
                        + " warm-up %d s per app, %d slice pairs of %d ms; under sync: %d feeds on %d hosts, each held"
                        + " %d ms, %d slice pairs of %d ms; child logs in %s%n",
                page,
                users,
                rounds,
                warmup.toSeconds(),
                pairs,
                slice.toMillis(),
                feeds,
                hosts,
                hold.toMillis(),
                syncPairs,
                syncSlice.toMillis(),
                logDir);

        List<Phase> enabled = new ArrayList<>();
        List<Phase> disabled = new ArrayList<>();
        List<Double> pairThroughput = new ArrayList<>();
        List<Double> pairP99 = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // odd rounds start, warm and load the enabled app first, even rounds the disabled one: whatever going
            // first costs or gains (an A/A run showed the first app ~20 % slower) falls on both apps alike
            boolean enabledFirst = round % 2 == 1;
            ExampleApp first = null;
            ExampleApp second = null;
            try {
                first = enabledFirst ? enabledApp(round) : disabledApp(round);
                second = enabledFirst ? disabledApp(round) : enabledApp(round);
                ExampleApp on = enabledFirst ? first : second;
                ExampleApp off = enabledFirst ? second : first;
                on.awaitUp();
                off.awaitUp();
                warm(first, second);
                Phase a = new Phase("enabled, round " + round + (enabledFirst ? " (first)" : " (second)"));
                Phase b = new Phase("disabled, round " + round + (enabledFirst ? " (second)" : " (first)"));
                alternate(on, a, off, b, pairs, slice, pairThroughput, pairP99, enabledFirst);
                enabled.add(a);
                disabled.add(b);
                System.out.println("  " + a.row() + "   (load average " + loadAverage() + ")");
                System.out.println("  " + b.row());
            } finally {
                closeAll(first, second);
            }
        }
        List<UnderSync> syncs = new ArrayList<>();
        for (int i = 0; i < syncRounds; i++) {
            syncs.add(underSync(i % 2 == 0));
        }

        System.out.println();
        System.out.println("Steady state: the two apps of a round run side by side, the load alternates between them"
                + " in slices (A B B A …):");
        printPhaseHeader();
        for (int i = 0; i < rounds; i++) {
            System.out.println("  " + enabled.get(i).row());
            System.out.println("  " + disabled.get(i).row());
        }
        Phase allOn = Phase.merge("enabled, all rounds", enabled);
        Phase allOff = Phase.merge("disabled, all rounds", disabled);
        System.out.println("  " + allOn.row());
        System.out.println("  " + allOff.row());
        double[] thrPairs =
                pairThroughput.stream().mapToDouble(Double::doubleValue).toArray();
        double[] p99Pairs = pairP99.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(
                Locale.ROOT,
                "  per slice pair (%d), enabled / disabled: throughput median %.3f (min %.3f,"
                        + " max %.3f); p99 median %.3f (min %.3f, max %.3f)%n",
                thrPairs.length,
                median(thrPairs),
                min(thrPairs),
                max(thrPairs),
                median(p99Pairs),
                min(p99Pairs),
                max(p99Pairs));

        System.out.println();
        System.out.println("Under sync: an enabled app with " + feeds + " feeds and a disabled app side by side, "
                + syncs.size() + " pair(s) of JVMs; the load alternates between them in slices before the sync and"
                + " while it runs:");
        double[] syncRatios = new double[syncs.size()];
        int triggersMet = 0;
        for (int i = 0; i < syncs.size(); i++) {
            UnderSync sync = syncs.get(i);
            print(sync, i + 1);
            syncRatios[i] = sync.onDuring.percentile(0.99) / sync.offDuring.percentile(0.99);
            double[] quietBefore = Arrays.copyOfRange(sync.onSolo, 0, 20);
            triggersMet += sync.onSolo[20] <= max(quietBefore) ? 1 : 0;
        }

        double thrRatio = allOn.throughput() / allOff.throughput();
        double p99Ratio = allOn.percentile(0.99) / allOff.percentile(0.99);
        double syncRatio = median(syncRatios);
        System.out.println();
        System.out.println("Against the targets (issue 9 item 2):");
        target("steady throughput, enabled / disabled (all slices)", thrRatio, ">= 0.97", thrRatio >= 0.97);
        target("steady p99, enabled / disabled (all slices)", p99Ratio, "<= 1.05", p99Ratio <= 1.05);
        target(
                "p99 under sync / disabled app, same slices" + (syncs.size() > 1 ? " (median of pairs)" : ""),
                syncRatio,
                "<= 1.10",
                syncRatio <= 1.10);
        for (int i = 0; syncs.size() > 1 && i < syncs.size(); i++) {
            target("  pair " + (i + 1), syncRatios[i], "(info)", true);
        }
        target(
                "trigger requests no slower than the max of the 20 before",
                triggersMet,
                "all " + syncs.size(),
                triggersMet == syncs.size());
    }

    /** One under-sync pair's phases, single requests and ratios. */
    private void print(UnderSync sync, int pair) {
        printPhaseHeader();
        System.out.println("  " + sync.onBefore.row() + "   (pair " + pair + ")");
        System.out.println("  " + sync.offBefore.row());
        System.out.println("  " + sync.onDuring.row());
        System.out.println("  " + sync.offDuring.row());
        System.out.printf(
                Locale.ROOT,
                "  sync: %d of %d feeds requested when the measurement started, %d when it"
                        + " ended, %d answered (the sync was %s); the harness saw its first feed request %.0f ms"
                        + " after sending the trigger request%n",
                sync.arrivedAtStart,
                feeds,
                sync.arrivedAtEnd,
                sync.releasedAtEnd,
                sync.arrivedAtStart > 0 && sync.releasedAtEnd < feeds ? "running throughout" : "NOT running throughout",
                sync.syncStartMillis);
        System.out.printf(
                Locale.ROOT,
                "  enabled:  the trigger request %.2f ms; the 20 single requests before it:"
                        + " median %.2f ms, max %.2f ms; the 20 after it: median %.2f ms, max %.2f ms%n",
                sync.onSolo[20],
                median(Arrays.copyOfRange(sync.onSolo, 0, 20)),
                max(Arrays.copyOfRange(sync.onSolo, 0, 20)),
                median(Arrays.copyOfRange(sync.onSolo, 21, 41)),
                max(Arrays.copyOfRange(sync.onSolo, 21, 41)));
        System.out.printf(
                Locale.ROOT,
                "  enabled:  the control, a request after the same write (install.complete=false) whose check finds"
                        + " nothing due, before those 20: %.2f ms%n",
                sync.checkOnlyMillis);
        System.out.printf(
                Locale.ROOT,
                "  disabled: the request in the trigger's place %.2f ms; the 20 before it:"
                        + " median %.2f ms, max %.2f ms; the 20 after it: median %.2f ms, max %.2f ms%n",
                sync.offSolo[20],
                median(Arrays.copyOfRange(sync.offSolo, 0, 20)),
                max(Arrays.copyOfRange(sync.offSolo, 0, 20)),
                median(Arrays.copyOfRange(sync.offSolo, 21, 41)),
                max(Arrays.copyOfRange(sync.offSolo, 21, 41)));
        System.out.printf(
                Locale.ROOT,
                "  p99 under sync / disabled app, same slices: %.3f; the same pair before the sync: %.3f%n",
                sync.onDuring.percentile(0.99) / sync.offDuring.percentile(0.99),
                sync.onBefore.percentile(0.99) / sync.offBefore.percentile(0.99));
    }

    private static void target(String what, double value, String target, boolean met) {
        System.out.printf(
                Locale.ROOT,
                "  %-52s %8.3f  target %-29s %s%n",
                what,
                value,
                target,
                Double.isNaN(value) ? "not measured" : met ? "met" : "MISSED");
    }

    /** Warms both apps up, alternating in four steps each. */
    private ExampleApp enabledApp(int round) throws IOException {
        return ExampleApp.start(
                appClasspath,
                PAGE_LATENCY_DB,
                Stream.concat(
                                Stream.of("--bokit.install-complete=true", "--bokit.default-interval=3600s"),
                                enabledExtra.stream())
                        .toList(),
                logDir.resolve("page-latency-enabled-" + round + ".log"));
    }

    private ExampleApp disabledApp(int round) throws IOException {
        return ExampleApp.start(
                appClasspath,
                PAGE_LATENCY_DB,
                List.of("--bokit.enabled=false"),
                logDir.resolve("page-latency-disabled-" + round + ".log"));
    }

    private static void closeAll(ExampleApp... apps) {
        for (ExampleApp app : apps) {
            if (app != null) {
                app.close();
            }
        }
    }

    /** Warms both apps in turns, {@code first} first (and so {@code second} last). */
    private void warm(ExampleApp first, ExampleApp second) throws InterruptedException {
        Duration step = warmup.dividedBy(4);
        for (int i = 0; i < 4; i++) {
            load(first.uri(page), step);
            load(second.uri(page), step);
        }
    }

    /**
     * Pairs of slices, A B then B A (B A then A B when {@code onFirst} is false), so that a drift of the machine falls
     * on both apps alike.
     */
    private void alternate(
            ExampleApp on,
            Phase a,
            ExampleApp off,
            Phase b,
            int count,
            Duration length,
            List<Double> pairThroughput,
            List<Double> pairP99,
            boolean onFirst)
            throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Phase sliceA = new Phase("a");
            Phase sliceB = new Phase("b");
            if ((i % 2 == 0) == onFirst) {
                load(on.uri(page), length, a, sliceA);
                load(off.uri(page), length, b, sliceB);
            } else {
                load(off.uri(page), length, b, sliceB);
                load(on.uri(page), length, a, sliceA);
            }
            if (pairThroughput != null) {
                pairThroughput.add(sliceA.throughput() / sliceB.throughput());
                pairP99.add(sliceA.percentile(0.99) / sliceB.percentile(0.99));
            }
        }
    }

    /** One under-sync pair; {@code enabledFirst} starts, warms and loads the bokit app first (pairs alternate). */
    private UnderSync underSync(boolean enabledFirst) throws Exception {
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
                text.append("bokit.calendars.cal")
                        .append(c)
                        .append(".name=Calendar ")
                        .append(c)
                        .append('\n');
            }
            for (int f = 0; f < feeds; f++) {
                LocalFeedServer server = servers.get(f % hosts);
                String path = "/feed-" + f + ".ics";
                holds.add(server.hold(path, body));
                text.append("bokit.calendars.cal")
                        .append(f % calendars)
                        .append(".feeds.feed")
                        .append(f)
                        .append(".url=")
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

            // the file replaces application.properties, whose two demo feeds would otherwise join the map of feeds
            List<String> args = List.of(
                    "--spring.config.location=file:" + props.toAbsolutePath(),
                    "--management.endpoints.web.exposure.include=health,bokit",
                    "--bokit.install-complete=false",
                    "--bokit.default-interval=3600s",
                    "--bokit.parallel-hosts=" + Math.min(64, hosts),
                    "--bokit.http.allowed-private-addresses=127.0.0.0/8",
                    "--bokit.executor.shutdown-timeout=1s",
                    "--management.endpoint.bokit.access=unrestricted");
            ExampleApp first = null;
            ExampleApp second = null;
            try {
                ExampleApp enabled = null;
                if (enabledFirst) {
                    enabled = ExampleApp.start(
                            appClasspath, PAGE_LATENCY_DB, args, logDir.resolve("page-latency-sync-enabled.log"));
                    first = enabled;
                }
                ExampleApp disabled = ExampleApp.start(
                        appClasspath,
                        PAGE_LATENCY_DB,
                        List.of("--bokit.enabled=false"),
                        logDir.resolve("page-latency-sync-disabled.log"));
                if (enabledFirst) {
                    second = disabled;
                } else {
                    first = disabled;
                    enabled = ExampleApp.start(
                            appClasspath, PAGE_LATENCY_DB, args, logDir.resolve("page-latency-sync-enabled.log"));
                    second = enabled;
                }
                ExampleApp on = enabled;
                ExampleApp off = disabled;
                on.awaitUp();
                off.awaitUp();
                warm(first, second);
                Phase onBefore = new Phase("enabled, before the sync" + (enabledFirst ? " (first)" : " (second)"));
                Phase offBefore = new Phase("disabled, before the sync");
                alternate(on, onBefore, off, offBefore, syncPairs / 2, slice, null, null, enabledFirst);
                System.out.println("  " + onBefore.row() + "   (load average " + loadAverage() + ")");
                System.out.println("  " + offBefore.row());
                if (arrivals(holds) != 0) {
                    throw new IllegalStateException("a sync started before the trigger");
                }
                double[] offSolo = solo(off.uri(page), 41);
                // the control: the same write and the same kind of request, whose check finds nothing due
                setInstallComplete(on, false);
                double checkOnly = solo(on.uri(page), 1)[0];
                double[] onSolo = new double[41];
                System.arraycopy(solo(on.uri(page), 20), 0, onSolo, 0, 20);
                setInstallComplete(on, true);
                long triggered = System.nanoTime();
                onSolo[20] = solo(on.uri(page), 1)[0];
                System.arraycopy(solo(on.uri(page), 20), 0, onSolo, 21, 20);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (arrivals(holds) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (arrivals(holds) == 0) {
                    throw new IllegalStateException("the trigger request did not start a sync");
                }
                // arrivals are polled: the time until the harness saw the first feed request
                double syncStart = (System.nanoTime() - triggered) / 1e6;
                Phase onDuring = new Phase("enabled, under sync");
                Phase offDuring = new Phase("disabled, same slices");
                int arrivedAtStart = arrivals(holds);
                alternate(on, onDuring, off, offDuring, syncPairs, syncSlice, null, null, enabledFirst);
                int arrivedAtEnd = arrivals(holds);
                int releasedAtEnd = released.get();
                System.out.println("  " + onDuring.row() + "   (load average " + loadAverage() + ")");
                System.out.println("  " + offDuring.row());
                return new UnderSync(
                        onBefore,
                        offBefore,
                        onDuring,
                        offDuring,
                        onSolo,
                        offSolo,
                        checkOnly,
                        syncStart,
                        arrivedAtStart,
                        arrivedAtEnd,
                        releasedAtEnd);
            } finally {
                closeAll(first, second);
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
    /** Writes {@code install.complete} through bokit's endpoint; like every option write, the next page checks. */
    private static void setInstallComplete(ExampleApp app, boolean value) throws IOException, InterruptedException {
        send(
                HttpRequest.newBuilder(app.uri("/actuator/bokit/install.complete"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"" + value + "\"}"))
                        .build(),
                200);
    }

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

    /** Closed loop: every user sends its next request when the previous one answered; records into the phases. */
    private void load(URI uri, Duration duration, Phase... phases) throws InterruptedException {
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
                        long[] mine = new long[1 << 12];
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
                        long[] done = Arrays.copyOf(mine, n);
                        for (Phase phase : phases) {
                            phase.add(done, errors);
                        }
                    },
                    "user-" + u);
            threads[u].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        for (Phase phase : phases) {
            phase.addTime(elapsed);
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
        if (values.length == 0) {
            return Double.NaN; // --rounds 0: the under-sync part only
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** The latencies of one or more measuring slices. */
    private static final class Phase {
        private final String name;
        private final List<long[]> parts = new ArrayList<>();
        private long nanos;
        private int errors;
        private long[] sorted;

        Phase(String name) {
            this.name = name;
        }

        static Phase merge(String name, List<Phase> phases) {
            Phase out = new Phase(name);
            for (Phase one : phases) {
                out.add(one.sorted(), one.errors);
                out.addTime(one.nanos);
            }
            return out;
        }

        synchronized void add(long[] latencies, int errorCount) {
            parts.add(latencies);
            errors += errorCount;
            sorted = null;
        }

        synchronized void addTime(long elapsed) {
            nanos += elapsed;
        }

        synchronized long[] sorted() {
            if (sorted == null) {
                sorted = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            }
            return sorted;
        }

        double throughput() {
            return sorted().length / (nanos / 1e9);
        }

        /** The latency in ms at a quantile (nearest rank). */
        double percentile(double q) {
            long[] all = sorted();
            if (all.length == 0) {
                return Double.NaN;
            }
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
            Phase onBefore,
            Phase offBefore,
            Phase onDuring,
            Phase offDuring,
            double[] onSolo,
            double[] offSolo,
            double checkOnlyMillis,
            double syncStartMillis,
            int arrivedAtStart,
            int arrivedAtEnd,
            int releasedAtEnd) {}

    private static final class Args {
        String appClasspath = System.getProperty("bokit.example.classpath");
        int rounds = 2;
        int users = 16;
        int warmupSeconds = 12;
        int pairs = 8;
        int sliceMillis = 2000;
        int syncPairs = 6;
        int syncRounds = 1;
        int syncSliceMillis = 1000;
        int feeds = 200;
        int hosts = 20;
        int holdMillis = 2000;
        String page = "/hello";
        List<String> enabledExtra = new ArrayList<>();
        String logDir = "bokit-bench/target";

        private static String readClasspath(String file) {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the app classpath file " + file, e);
            }
        }

        static Args parse(String[] argv) {
            Args args = new Args();
            for (int i = 0; i < argv.length; i++) {
                String value = i + 1 < argv.length ? argv[i + 1] : null;
                switch (argv[i]) {
                    case "--app-classpath" -> args.appClasspath = value;
                    case "--app-classpath-file" -> args.appClasspath =
                            "bokit-example-spring/target/classes" + File.pathSeparator + readClasspath(value);
                    case "--rounds" -> args.rounds = Integer.parseInt(value);
                    case "--users" -> args.users = Integer.parseInt(value);
                    case "--warmup" -> args.warmupSeconds = Integer.parseInt(value);
                    case "--pairs" -> args.pairs = Integer.parseInt(value);
                    case "--slice-ms" -> args.sliceMillis = Integer.parseInt(value);
                    case "--sync-pairs" -> args.syncPairs = Integer.parseInt(value);
                    case "--sync-rounds" -> args.syncRounds = Integer.parseInt(value);
                    case "--sync-slice-ms" -> args.syncSliceMillis = Integer.parseInt(value);
                    case "--feeds" -> args.feeds = Integer.parseInt(value);
                    case "--hosts" -> args.hosts = Integer.parseInt(value);
                    case "--hold-ms" -> args.holdMillis = Integer.parseInt(value);
                    case "--page" -> args.page = value;
                    case "--enabled-arg" -> args.enabledExtra.add(value); // e.g. --bokit.trigger.enabled=false
                    case "--log-dir" -> args.logDir = value;
                    default -> throw new IllegalArgumentException("unknown argument " + argv[i]);
                }
                i++;
            }
            if (args.syncRounds < 1) {
                throw new IllegalArgumentException("--sync-rounds must be at least 1, was " + args.syncRounds);
            }
            if (args.appClasspath == null || args.appClasspath.isBlank()) {
                throw new IllegalArgumentException("--app-classpath is required (the example's classes and"
                        + " dependencies) or --app-classpath-file (the dependencies, after bokit-example-spring/target/classes),"
                        + " see bokit-bench/run.sh");
            }
            for (String entry : args.appClasspath.split(File.pathSeparator)) {
                if (!new File(entry).exists()) {
                    throw new IllegalArgumentException("not found on the app classpath: " + entry);
                }
            }
            return args;
        }
    }

    /** The column heads of {@code Phase.row()}. */
    private static void printPhaseHeader() {
        System.out.printf(
                Locale.ROOT,
                "  %-28s %10s %9s %9s %9s %7s%n",
                "phase",
                "req/s",
                "p50 ms",
                "p99 ms",
                "max ms",
                "errors");
    }
}
