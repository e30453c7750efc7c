package io.bokit.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.ClosedRun;
import io.bokit.core.domain.FeedClaim;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.HostSlot;
import io.bokit.core.domain.OpenRun;
import io.bokit.core.domain.RunFeed;
import io.bokit.core.domain.RunLease;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.SharedRunPort;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.jdbc.InitializeMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One node of {@link ClusterHarness}, in a JVM of its own: bokit's whole stack over a pool on the shared database,
 * the HTTP fetcher, and the store's shared runs behind a wrapper that times every call. It says {@code ready},
 * waits for {@code go} on standard input, then either opens a shared run (a forced sync, with
 * {@code sync.shared_runs} on) or waits for the run to open and joins it, and says what it did in one
 * {@code result} line.
 */
final class ClusterNode {
    private ClusterNode() {}

    /** Arguments: JDBC URL, owner, {@code open} or {@code join}, parallel hosts. */
    public static void main(String[] args) throws IOException {
        String url = args[0];
        String owner = args[1];
        boolean opens = args[2].equals("open");
        int parallelHosts = Integer.parseInt(args[3]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(parallelHosts + 2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            BokitJdbc stores = BokitJdbc.builder(pool)
                    .initialize(InitializeMode.NEVER)
                    .maxConnections(parallelHosts + 2)
                    .build();
            TimedRuns runs = new TimedRuns(stores.sharedRuns());
            Bokit bokit = Bokit.builder()
                    .options(stores.options())
                    .syncState(stores.syncState())
                    .catalog(stores.feedCatalog())
                    .bookings(stores.bookingStore())
                    .sharedRuns(runs)
                    .sharedRunPoll(Duration.ofMillis(20))
                    .fetcher(new HttpFeedFetcher(
                            HttpFetchSettings.builder().allowLoopback().build()))
                    .settings(RunSettings.defaults().withOwner(owner).withParallelHosts(parallelHosts))
                    .runExecutor(Runnable::run)
                    .build();
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"go".equals(in.readLine())) {
                return;
            }
            long started = System.nanoTime();
            String outcome;
            if (opens) {
                SyncResult result = bokit.sync().sync(SyncCommand.forceAll());
                outcome = result instanceof SyncResult.Completed completed
                        ? "completed feeds=" + completed.report().feeds().size() + " errors="
                                + completed.report().errors()
                        : "not-run " + result;
            } else {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (stores.sharedRuns().openRun().isEmpty() && System.nanoTime() < deadline) {
                    sleep(Duration.ofMillis(10)); // the opener is writing the run's rows
                }
                outcome = bokit.sync()
                        .joinOpenRun()
                        .map(run -> "joined closed=" + run.report().isPresent())
                        .orElse("no-run");
            }
            long elapsed = System.nanoTime() - started;
            System.out.printf(
                    "result owner=%s %s recorded=%d portNanos=%d claimNanos=%d finishNanos=%d elapsedNanos=%d%n",
                    owner,
                    outcome,
                    runs.recorded.get(),
                    runs.nanos.get(),
                    runs.spent("claimSlot") + runs.spent("claimFeed") + runs.spent("releaseSlot"),
                    runs.spent("finish"),
                    elapsed);
            System.out.flush();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The store's shared runs, timing every call and counting the results this node recorded. */
    private static final class TimedRuns implements SharedRunPort {
        private final SharedRunPort port;
        private final AtomicLong nanos = new AtomicLong();
        private final AtomicLong recorded = new AtomicLong();

        TimedRuns(SharedRunPort port) {
            this.port = port;
        }

        long spent(String method) {
            AtomicLong spent = byMethod.get(method);
            return spent == null ? 0 : spent.get();
        }

        private final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();

        private <T> T timed(String method, Supplier<T> call) {
            long start = System.nanoTime();
            try {
                return call.get();
            } finally {
                long spent = System.nanoTime() - start;
                nanos.addAndGet(spent);
                byMethod.computeIfAbsent(method, key -> new AtomicLong()).addAndGet(spent);
            }
        }

        @Override
        public void open(String id, RunLease lease, List<RunFeed> feeds, int perHost) {
            timed("open", () -> {
                port.open(id, lease, feeds, perHost);
                return null;
            });
        }

        @Override
        public Optional<OpenRun> openRun() {
            return timed("openRun", port::openRun);
        }

        @Override
        public Optional<HostSlot> claimSlot(String runId, String node, Duration leaseFor, Instant now) {
            return timed("claimSlot", () -> port.claimSlot(runId, node, leaseFor, now));
        }

        @Override
        public Optional<FeedClaim> claimFeed(HostSlot slot, Duration leaseFor, Instant now) {
            return timed("claimFeed", () -> port.claimFeed(slot, leaseFor, now));
        }

        @Override
        public boolean finish(FeedClaim claim, FeedResult result) {
            boolean done = timed("finish", () -> port.finish(claim, result));
            if (done) {
                recorded.incrementAndGet();
            }
            return done;
        }

        @Override
        public void releaseSlot(HostSlot slot) {
            timed("releaseSlot", () -> {
                port.releaseSlot(slot);
                return null;
            });
        }

        @Override
        public Optional<ClosedRun> close(String runId) {
            return timed("close", () -> port.close(runId));
        }

        @Override
        public List<FeedResult> results(String runId) {
            return timed("results", () -> port.results(runId));
        }
    }
}
