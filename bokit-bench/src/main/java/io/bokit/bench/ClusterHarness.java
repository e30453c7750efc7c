package io.bokit.bench;

import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.jdbc.InitializeMode;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The scale-out benchmark of issue 19: one run of many feeds, each answered on loopback after a fixed latency (a
 * remote channel's round trip), synced by 1, 2 and 3 nodes (each a JVM of its own, {@link ClusterNode}) that share
 * one embedded PostgreSQL through a shared run ({@code sync.shared_runs}). Prints, per node count, the run's wall
 * time (from the start signal to the run's close, on the opener), feeds per second in all and per node, the speed-up
 * over one node, and the time spent in the shared-run store's calls per feed: taking places and claiming feeds (the
 * claim overhead), recording results, and in all (with opening, closing and the opener's looks while others finish).
 *
 * <pre>
 * java -cp bokit-bench/target/benchmarks.jar io.bokit.bench.ClusterHarness \
 *     [--feeds 10000] [--hosts 12] [--latency-ms 50] [--nodes 1,2,3] [--parallel-hosts 4] [--per-host 3]
 * </pre>
 *
 * <p>Before the measured runs, one node imports every feed once (not measured), so each measured run is the same
 * steady-state re-sync: the bodies are unchanged and carry no validator, so every feed is fetched and hashed.
 */
public final class ClusterHarness {
    private static final String PREFIX = "bokit_";
    private static final CalendarKey CALENDAR = CalendarKey.of("cluster");

    private ClusterHarness() {}

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int feeds = Integer.parseInt(options.getOrDefault("feeds", "10000"));
        int hosts = Integer.parseInt(options.getOrDefault("hosts", "12"));
        Duration latency = Duration.ofMillis(Long.parseLong(options.getOrDefault("latency-ms", "50")));
        int parallelHosts = Integer.parseInt(options.getOrDefault("parallel-hosts", "4"));
        int perHost = Integer.parseInt(options.getOrDefault("per-host", "3"));
        List<Integer> nodeCounts = Arrays.stream(
                        options.getOrDefault("nodes", "1,2,3").split(","))
                .map(Integer::parseInt)
                .toList();
        List<LocalFeedServer> servers = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", System.getProperty("bokit.bench.syncCommit", "on"))
                .start()) {
            for (int h = 1; h <= hosts; h++) {
                servers.add(LocalFeedServer.start("127.0.0." + h).latency(latency));
            }
            DataSource dataSource = postgres.getPostgresDatabase();
            BokitJdbc stores = BokitJdbc.builder(dataSource)
                    .tablePrefix(PREFIX)
                    .initialize(InitializeMode.ALWAYS)
                    .build();
            stores.options().store("install.complete", "true");
            stores.options().store("sync.shared_runs", "true");
            stores.options().store("sync.per_host", Integer.toString(perHost));
            stores.options().store("sync.claim_lease", "120");
            stores.feedCatalog().saveCalendar(new Calendar(CALENDAR, "Cluster", ZoneId.of("UTC")));
            LocalDate today = LocalDate.now();
            for (int i = 0; i < feeds; i++) {
                String path = "/feed-" + i + ".ics";
                String body = ICalFeedBuilder.airbnb()
                        .reserved(
                                "stay-" + i + "@airbnb.com", today.plusDays(10 + i % 200), today.plusDays(13 + i % 200))
                        .build();
                FeedUrl url = servers.get(i % hosts).serve(path, body);
                stores.feedCatalog()
                        .saveFeed(Feed.of(CALENDAR, FeedId.of("feed-" + i), FeedUrl.parse(url.reveal() + "?s=t")));
            }
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            System.out.printf(
                    "ClusterHarness: %,d feeds on %d loopback hosts, %d ms latency each, parallelHosts=%d per node,"
                            + " sync.per_host=%d, one embedded PostgreSQL; %d CPUs%n",
                    feeds,
                    hosts,
                    latency.toMillis(),
                    parallelHosts,
                    perHost,
                    Runtime.getRuntime().availableProcessors());
            Round warmUp = round(jdbcUrl, 1, parallelHosts, stores);
            System.out.printf("first import (not measured): %.1f s%n", warmUp.wallSeconds());
            System.out.println("| Nodes | Wall time | Feeds/s | Feeds/s per node | Speed-up | Claim time per feed"
                    + " | Result time per feed | Shared-run store time per feed |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            Double oneNode = null;
            for (int nodes : nodeCounts) {
                Round round = round(jdbcUrl, nodes, parallelHosts, stores);
                if (round.recorded() != feeds) {
                    throw new IllegalStateException("The run recorded " + round.recorded() + " results, not " + feeds);
                }
                if (oneNode == null && nodes == 1) {
                    oneNode = round.wallSeconds();
                }
                System.out.printf(
                        "| %d | %.1f s | %,.0f | %,.0f | %s | %.2f ms | %.2f ms | %.2f ms |%n",
                        nodes,
                        round.wallSeconds(),
                        feeds / round.wallSeconds(),
                        feeds / round.wallSeconds() / nodes,
                        oneNode == null ? "" : "%.2f×".formatted(oneNode / round.wallSeconds()),
                        round.claimNanos() / 1e6 / feeds,
                        round.finishNanos() / 1e6 / feeds,
                        round.storeNanos() / 1e6 / feeds);
            }
        } finally {
            servers.forEach(LocalFeedServer::close);
        }
    }

    /** What one run measured. */
    private record Round(double wallSeconds, long recorded, long storeNanos, long claimNanos, long finishNanos) {}

    /** One run: the nodes start, say ready, get the signal together; the opener's time is the run's. */
    private static Round round(String jdbcUrl, int nodes, int parallelHosts, BokitJdbc stores) throws Exception {
        stores.syncState().forget();
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                Process process = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "-Dslf4j.internal.verbosity=ERROR",
                                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                                ClusterNode.class.getName(),
                                jdbcUrl,
                                "node-" + (n + 1),
                                n == 0 ? "open" : "join",
                                Integer.toString(parallelHosts))
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                processes.add(process);
                outputs.add(
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader output : outputs) {
                await(output, "ready");
            }
            for (Process process : processes) {
                Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                in.write("go\n");
                in.flush();
            }
            double wall = 0;
            long recorded = 0;
            long storeNanos = 0;
            long claimNanos = 0;
            long finishNanos = 0;
            for (int n = 0; n < nodes; n++) {
                Map<String, String> result = fields(await(outputs.get(n), "result "));
                if (n == 0) {
                    if (!result.containsKey("completed")) {
                        throw new IllegalStateException("The opener did not complete the run: " + result);
                    }
                    wall = Long.parseLong(result.get("elapsedNanos")) / 1e9;
                }
                recorded += Long.parseLong(result.get("recorded"));
                storeNanos += Long.parseLong(result.get("portNanos"));
                claimNanos += Long.parseLong(result.get("claimNanos"));
                finishNanos += Long.parseLong(result.get("finishNanos"));
            }
            return new Round(wall, recorded, storeNanos, claimNanos, finishNanos);
        } finally {
            for (Process process : processes) {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static String await(BufferedReader output, String start) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        throw new IllegalStateException("A node ended without saying \"" + start + "\"");
    }

    /** The {@code key=value} words of a result line; a bare word maps to itself. */
    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String word : line.split(" ")) {
            int equals = word.indexOf('=');
            fields.put(equals < 0 ? word : word.substring(0, equals), equals < 0 ? word : word.substring(equals + 1));
        }
        return fields;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
