package io.bokit.jdbc;

import io.bokit.core.domain.ClosedRun;
import io.bokit.core.domain.FeedClaim;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.HostSlot;
import io.bokit.core.domain.OpenRun;
import io.bokit.core.domain.RunFeed;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.port.out.SharedRunPort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link SharedRunPort} over {@code <prefix>run}, {@code <prefix>run_slot} and {@code <prefix>run_feed}. Every take
 * (of a place, of a feed) is one conditional UPDATE of one row on its {@code claim_version}, which the take
 * increments: the database serializes concurrent takes of a row on its row lock and re-checks the condition
 * against the row as the winner left it (as for the interval claim, see {@link JdbcSyncState}), so exactly one
 * taker wins on H2, PostgreSQL, MySQL and MariaDB alike, with no lock held between statements. The candidates are
 * read first, then taken one by one, starting at a random one so that racing nodes rarely collide. With database
 * time (the default) lease times are the database's clock, so nodes with skewed clocks agree on when a claim
 * lapses.
 */
final class JdbcSharedRuns implements SharedRunPort {
    /** What this instance knows of each place it holds: when it last renewed it, and feeds it read to claim next. */
    private final Map<HostSlot, Place> places = new ConcurrentHashMap<>();

    /** How many candidate places or feeds one take reads. */
    private static final int CANDIDATES = 16;
    /** Rows per batch when a run's feeds and places are written. */
    private static final int BATCH = 500;

    private final Jdbc jdbc;
    private final boolean dbTime;
    private final String run;
    private final String slot;
    private final String feed;
    private final TimedSql slotCandidates;
    private final TimedSql takeSlot;
    private final TimedSql renewSlot;
    private final TimedSql feedCandidates;
    private final TimedSql takeFeed;

    JdbcSharedRuns(Jdbc jdbc, Dialect dialect, TablePrefix prefix, boolean dbTime) {
        this.jdbc = jdbc;
        this.dbTime = dbTime;
        this.run = prefix.table("run");
        this.slot = prefix.table("run_slot");
        this.feed = prefix.table("run_feed");
        String plus = dialect.bigint("?");
        this.slotCandidates = TimedSql.compile(
                """
                SELECT s.host, s.place, s.claim_version FROM %1$s s
                 WHERE s.run_id = ? AND (s.lease_until IS NULL OR s.lease_until <= {now})
                   AND EXISTS (SELECT 1 FROM %2$s r WHERE r.run_id = s.run_id AND r.closed = 0)
                   AND EXISTS (SELECT 1 FROM %3$s f WHERE f.run_id = s.run_id AND f.host = s.host
                               AND f.outcome IS NULL AND (f.lease_until IS NULL OR f.lease_until <= {now}))
                   AND NOT EXISTS (SELECT 1 FROM %1$s m WHERE m.run_id = s.run_id AND m.host = s.host
                                   AND m.holder = ? AND m.lease_until > {now})
                 ORDER BY s.host, s.place"""
                        .formatted(slot, run, feed),
                dialect,
                dbTime);
        this.takeSlot = TimedSql.compile(
                """
                UPDATE %s SET holder = ?, claim_version = claim_version + 1, lease_until = {now} + %s
                 WHERE run_id = ? AND host = ? AND place = ? AND claim_version = ?
                   AND (lease_until IS NULL OR lease_until <= {now})"""
                        .formatted(slot, plus),
                dialect,
                dbTime);
        this.renewSlot = TimedSql.compile(
                "UPDATE %s SET lease_until = {now} + %s WHERE run_id = ? AND host = ? AND place = ? AND claim_version = ?"
                        .formatted(slot, plus),
                dialect,
                dbTime);
        this.feedCandidates = TimedSql.compile(
                """
                SELECT feed_id, feed_name, claim_version FROM %s
                 WHERE run_id = ? AND host = ? AND outcome IS NULL AND (lease_until IS NULL OR lease_until <= {now})
                 ORDER BY seq"""
                        .formatted(feed),
                dialect,
                dbTime);
        this.takeFeed = TimedSql.compile(
                """
                UPDATE %s SET holder = ?, claim_version = claim_version + 1, lease_until = {now} + %s
                 WHERE run_id = ? AND feed_id = ? AND claim_version = ? AND outcome IS NULL"""
                        .formatted(feed, plus),
                dialect,
                dbTime);
    }

    @Override
    public void open(String id, RunLease lease, List<RunFeed> feeds, int perHost) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lease, "lease");
        Set<String> hosts = RunFeed.hostsOf(feeds, perHost);
        jdbc.inTransaction("open a shared run", connection -> {
            Jdbc.update(connection, "UPDATE " + run + " SET closed = 1 WHERE closed = 0", List.of());
            for (String table : List.of(feed, slot)) {
                Jdbc.update(
                        connection,
                        "DELETE FROM " + table + " WHERE run_id IN (SELECT run_id FROM " + run + " WHERE closed = 1)",
                        List.of());
            }
            Jdbc.update(connection, "DELETE FROM " + run + " WHERE closed = 1", List.of());
            Jdbc.update(
                    connection,
                    "INSERT INTO " + run + " (run_id, lease_owner, lease_token, lease_acquired, lease_until, per_host)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    List.of(
                            id,
                            lease.owner(),
                            lease.token(),
                            Column.micros(lease.acquiredAt()),
                            Column.micros(lease.expiresAt()),
                            perHost));
            List<List<?>> feedRows = new ArrayList<>();
            for (int i = 0; i < feeds.size(); i++) {
                RunFeed each = feeds.get(i);
                feedRows.add(List.of(id, each.feed().value(), i, each.feedName(), each.host()));
            }
            batch(
                    connection,
                    "INSERT INTO " + feed + " (run_id, feed_id, seq, feed_name, host) VALUES (?, ?, ?, ?, ?)",
                    feedRows);
            List<List<?>> slotRows = new ArrayList<>();
            for (String host : hosts) {
                for (int place = 0; place < perHost; place++) {
                    slotRows.add(List.of(id, host, place));
                }
            }
            batch(connection, "INSERT INTO " + slot + " (run_id, host, place) VALUES (?, ?, ?)", slotRows);
            return null;
        });
    }

    @Override
    public Optional<OpenRun> openRun() {
        return jdbc.run("read the open shared run", connection -> Jdbc.query(
                        connection,
                        "SELECT run_id, lease_owner, lease_token, lease_acquired, lease_until FROM " + run
                                + " WHERE closed = 0 ORDER BY lease_acquired DESC",
                        List.of(),
                        row -> new OpenRun(row.getString("run_id"), lease(row)))
                .stream()
                .findFirst());
    }

    @Override
    public Optional<HostSlot> claimSlot(String runId, String node, Duration leaseFor, Instant now) {
        Objects.requireNonNull(node, "node");
        long lease = leaseMicros(leaseFor);
        long at = callerNow(now);
        return jdbc.run("claim a place of a shared run", connection -> {
            List<Object[]> candidates = timedQuery(connection, slotCandidates, List.of(runId, node), at, row ->
                    new Object[] {row.getString(1), row.getInt(2), row.getLong(3)});
            for (Object[] candidate : rotated(candidates)) {
                String host = (String) candidate[0];
                int place = (Integer) candidate[1];
                long version = (Long) candidate[2];
                if (timedUpdate(connection, takeSlot, List.of(node, lease, runId, host, place, version), at) == 1) {
                    HostSlot taken = new HostSlot(runId, host, place, node, version + 1);
                    places.put(taken, new Place(now));
                    return Optional.of(taken);
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public Optional<FeedClaim> claimFeed(HostSlot held, Duration leaseFor, Instant now) {
        long lease = leaseMicros(leaseFor);
        long at = callerNow(now);
        Place place = places.computeIfAbsent(held, key -> new Place());
        return jdbc.run("claim a feed of a shared run", connection -> {
            synchronized (place) {
                if (place.renewDue(leaseFor, now)) {
                    List<Object> key = List.of(lease, held.runId(), held.host(), held.slot(), held.version());
                    if (timedUpdate(connection, renewSlot, key, at) == 0) {
                        places.remove(held);
                        return Optional.empty(); // the place was lost
                    }
                    place.renewed(now);
                }
                boolean read = false;
                while (true) {
                    if (place.candidates.isEmpty()) {
                        if (read) {
                            return Optional.empty(); // read just now: the host has no feed left to claim
                        }
                        place.candidates.addAll(
                                timedQuery(connection, feedCandidates, List.of(held.runId(), held.host()), at, row ->
                                        new Object[] {row.getString(1), row.getString(2), row.getLong(3)}));
                        read = true;
                        continue;
                    }
                    // in planned order; a feed another place of the host took first is skipped
                    while (!place.candidates.isEmpty()) {
                        Object[] candidate = place.candidates.poll();
                        String feedId = (String) candidate[0];
                        long version = (Long) candidate[2];
                        List<Object> take = List.of(held.node(), lease, held.runId(), feedId, version);
                        if (timedUpdate(connection, takeFeed, take, at) == 1) {
                            return Optional.of(
                                    new FeedClaim(held, new FeedId(feedId), (String) candidate[1], version + 1));
                        }
                    }
                }
            }
        });
    }

    @Override
    public boolean finish(FeedClaim claim, FeedResult result) {
        Objects.requireNonNull(result, "result");
        SyncCounters c = result.counters();
        String counters = c.total() + "," + c.created() + "," + c.updated() + "," + c.unchanged() + "," + c.deleted()
                + "," + c.vanished() + "," + c.skipped() + "," + c.conflicts();
        return jdbc.run(
                "record a feed's result in a shared run",
                connection -> Jdbc.update(
                                connection,
                                "UPDATE " + feed + " SET outcome = ?, counters = ?, error = ?, note = ?, skipped = ?,"
                                        + " lease_until = NULL WHERE run_id = ? AND feed_id = ? AND claim_version = ?"
                                        + " AND outcome IS NULL",
                                List.of(
                                        result.outcome().name(),
                                        counters,
                                        Column.param(clip(result.error())),
                                        Column.param(clip(result.note())),
                                        Column.param(
                                                result.skippedReasons().isEmpty()
                                                        ? null
                                                        : clip(String.join("\n", result.skippedReasons()))),
                                        claim.slot().runId(),
                                        claim.feed().value(),
                                        claim.version()))
                        == 1);
    }

    @Override
    public void releaseSlot(HostSlot held) {
        places.remove(held);
        jdbc.run(
                "give back a place of a shared run",
                connection -> Jdbc.update(
                        connection,
                        "UPDATE " + slot + " SET holder = NULL, lease_until = NULL"
                                + " WHERE run_id = ? AND host = ? AND place = ? AND claim_version = ?",
                        List.of(held.runId(), held.host(), held.slot(), held.version())));
    }

    @Override
    public Optional<ClosedRun> close(String runId) {
        return jdbc.run("close a shared run", connection -> {
            long left = Jdbc.query(
                            connection,
                            "SELECT COUNT(*) FROM " + feed + " WHERE run_id = ? AND outcome IS NULL",
                            List.of(runId),
                            row -> row.getLong(1))
                    .get(0);
            // a result is never taken back, so a run with none left to record stays so
            if (left > 0
                    || Jdbc.update(
                                    connection,
                                    "UPDATE " + run + " SET closed = 1 WHERE run_id = ? AND closed = 0",
                                    List.of(runId))
                            == 0) {
                return Optional.empty();
            }
            RunLease lease = Jdbc.query(
                            connection,
                            "SELECT lease_owner, lease_token, lease_acquired, lease_until FROM " + run
                                    + " WHERE run_id = ?",
                            List.of(runId),
                            JdbcSharedRuns::lease)
                    .get(0);
            return Optional.of(new ClosedRun(runId, lease, results(connection, runId)));
        });
    }

    @Override
    public List<FeedResult> results(String runId) {
        return jdbc.run("read a shared run's results", connection -> results(connection, runId));
    }

    private List<FeedResult> results(Connection connection, String runId) throws SQLException {
        return Jdbc.query(
                connection,
                "SELECT feed_id, feed_name, outcome, counters, error, note, skipped FROM " + feed
                        + " WHERE run_id = ? AND outcome IS NOT NULL ORDER BY seq",
                List.of(runId),
                JdbcSharedRuns::result);
    }

    private static FeedResult result(ResultSet row) throws SQLException {
        int[] c = Arrays.stream(row.getString("counters").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        String skipped = row.getString("skipped");
        return new FeedResult(
                new FeedId(row.getString("feed_id")),
                row.getString("feed_name"),
                FeedOutcome.valueOf(row.getString("outcome")),
                new SyncCounters(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]),
                row.getString("error"),
                row.getString("note"),
                skipped == null ? List.of() : List.of(skipped.split("\n", -1)));
    }

    private static RunLease lease(ResultSet row) throws SQLException {
        return new RunLease(
                row.getString("lease_owner"),
                row.getString("lease_token"),
                Column.instant(row, "lease_acquired"),
                Column.instant(row, "lease_until"));
    }

    /**
     * A place this instance holds. Its lease is renewed when a quarter of it has passed since the last renewal (by
     * the caller's clock with caller time, by this process's monotonic clock with database time, so that a skewed
     * clock cannot make it late), not at every feed; the candidates read once serve the next claims, each take
     * still being conditional on the feed's row.
     */
    private final class Place {
        final Deque<Object[]> candidates = new ArrayDeque<>();
        private boolean known;
        private Instant renewedAt;
        private long renewedNanos;

        /** A place this instance did not take itself: renewed at its first claim. */
        Place() {}

        /** A place this instance took just now. */
        Place(Instant now) {
            renewed(now);
        }

        boolean renewDue(Duration leaseFor, Instant now) {
            if (!known) {
                return true;
            }
            Duration quarter = leaseFor.dividedBy(4);
            return dbTime
                    ? System.nanoTime() - renewedNanos >= quarter.toNanos()
                    : !Duration.between(renewedAt, now).minus(quarter).isNegative();
        }

        void renewed(Instant now) {
            known = true;
            renewedNanos = System.nanoTime();
            renewedAt = now;
        }
    }

    /** The candidates, starting at a random one, so that racing nodes rarely try the same row first. */
    private static List<Object[]> rotated(List<Object[]> candidates) {
        if (candidates.size() < 2) {
            return candidates;
        }
        int start = ThreadLocalRandom.current().nextInt(candidates.size());
        List<Object[]> rotated = new ArrayList<>(candidates.subList(start, candidates.size()));
        rotated.addAll(candidates.subList(0, start));
        return rotated;
    }

    /** A result's text as the columns keep it: at most 4,000 characters. */
    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    private long callerNow(Instant now) {
        if (dbTime) {
            return 0;
        }
        return Column.micros(Objects.requireNonNull(now, "now"));
    }

    private static long leaseMicros(Duration leaseFor) {
        Objects.requireNonNull(leaseFor, "leaseFor");
        if (leaseFor.isNegative() || leaseFor.isZero()) {
            throw new IllegalArgumentException("The lease must be positive, not " + leaseFor);
        }
        return Math.max(1, Column.micros(leaseFor));
    }

    private static int timedUpdate(Connection connection, TimedSql sql, List<?> params, long now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, params, now);
            return statement.executeUpdate();
        }
    }

    private static <T> List<T> timedQuery(
            Connection connection, TimedSql sql, List<?> params, long now, Jdbc.RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, params, now);
            statement.setMaxRows(CANDIDATES);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    private static void batch(Connection connection, String sql, List<List<?>> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (List<?> row : rows) {
                Jdbc.bind(statement, row);
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }
}
