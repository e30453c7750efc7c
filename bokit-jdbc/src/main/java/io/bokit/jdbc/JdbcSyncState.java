package io.bokit.jdbc;

import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncState;
import io.bokit.core.port.out.SyncStatePort;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link SyncStatePort} over the one row of {@code <prefix>sync_state}. Every claim is a single
 * conditional UPDATE of that row: the database serializes concurrent claims on the row lock and
 * re-checks the WHERE clause against the row as the winner left it (PostgreSQL's READ COMMITTED does
 * this for UPDATE, H2 locks the row likewise, and InnoDB's UPDATE reads the latest committed row
 * whatever the isolation level), so exactly one caller wins, inside or outside a caller's
 * transaction, with no stale snapshot involved. On MySQL and MariaDB, which cannot return columns
 * from an UPDATE, the winner reads its lease back in the same transaction, by its token. Instants
 * are epoch microseconds.
 *
 * <p>With database time (the default) the claim time {@code t} is the database's clock, read in the
 * statement itself, so nodes whose clocks disagree still agree on who wins; the caller's {@code now}
 * is then ignored. With caller time, {@code t} is the {@code now} passed in.
 */
final class JdbcSyncState implements SyncStatePort {
    private static final String NOW = TimedSql.NOW;
    private static final String LEASE_COLUMNS = "lease_owner, lease_token, lease_acquired, lease_until";
    /**
     * The claim, one statement; {@value #NOW} is the claim time t in epoch microseconds, the parameters
     * are owner, token, lease length (cast to a 64-bit integer, the second {@code %s}) and interval (both in
     * microseconds).
     */
    private static final String CLAIM =
            """
            UPDATE %s
               SET last_claim = {now}, lease_owner = ?, lease_token = ?, lease_acquired = {now},
                   lease_until = {now} + %s
             WHERE id = 1
               AND (last_claim IS NULL OR {now} - last_claim > ?)
               AND (lease_until IS NULL OR lease_until <= {now})""";
    /** The lease alone: the claim without the interval. */
    private static final String ACQUIRE =
            """
            UPDATE %s
               SET lease_owner = ?, lease_token = ?, lease_acquired = {now},
                   lease_until = {now} + %s
             WHERE id = 1
               AND (lease_until IS NULL OR lease_until <= {now})""";

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final boolean dbTime;
    private final String select;
    private final TimedSql claim;
    private final TimedSql acquire;
    private final String selectLease;
    private final String release;
    private final String forget;

    JdbcSyncState(Jdbc jdbc, Dialect dialect, TablePrefix prefix, boolean dbTime) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.dbTime = dbTime;
        String table = prefix.table("sync_state");
        this.select = "SELECT last_claim, " + LEASE_COLUMNS + " FROM " + table + " WHERE id = 1";
        this.claim = timed(CLAIM.formatted(table, dialect.bigint("?")));
        this.acquire = timed(ACQUIRE.formatted(table, dialect.bigint("?")));
        this.selectLease = "SELECT lease_acquired, lease_until FROM " + table + " WHERE id = 1 AND lease_token = ?";
        this.release = "UPDATE " + table + " SET lease_owner = NULL, lease_token = NULL, lease_acquired = NULL,"
                + " lease_until = NULL WHERE id = 1 AND lease_token = ?";
        this.forget = "UPDATE " + table + " SET last_claim = NULL WHERE id = 1";
    }

    @Override
    public SyncState load() {
        return jdbc.run("load the sync state", connection -> Jdbc.query(connection, select, List.of(), row -> {
                    RunLease lease = row.getString("lease_token") == null
                            ? null
                            : new RunLease(
                                    row.getString("lease_owner"),
                                    row.getString("lease_token"),
                                    Column.instant(row, "lease_acquired"),
                                    Column.instant(row, "lease_until"));
                    return new SyncState(Column.instant(row, "last_claim"), lease);
                })
                .stream()
                .findFirst()
                .orElse(SyncState.EMPTY));
    }

    @Override
    public Optional<RunLease> claimInterval(Duration interval, String owner, Duration leaseFor, Instant now) {
        requirePositive("interval", interval);
        // won iff t − last_claim > interval in whole microseconds, i.e. > floor(interval in µs)
        return take("claim the sync interval", claim, owner, leaseFor, now, Column.micros(interval));
    }

    @Override
    public Optional<RunLease> acquireLease(String owner, Duration leaseFor, Instant now) {
        return take("acquire the run lease", acquire, owner, leaseFor, now, null);
    }

    @Override
    public boolean release(RunLease lease) {
        Objects.requireNonNull(lease, "lease");
        return jdbc.run(
                "release the run lease", connection -> Jdbc.update(connection, release, List.of(lease.token())) > 0);
    }

    @Override
    public void forget() {
        jdbc.run("forget the last claim", connection -> Jdbc.update(connection, forget, List.of()));
    }

    /** Runs a lease-taking UPDATE; {@code intervalMicros} binds the claim's interval condition, if any. */
    private Optional<RunLease> take(
            String what, TimedSql update, String owner, Duration leaseFor, Instant now, Long intervalMicros) {
        Objects.requireNonNull(owner, "owner");
        requirePositive("leaseFor", leaseFor);
        if (!dbTime) {
            Objects.requireNonNull(now, "now");
        }
        String token = UUID.randomUUID().toString();
        List<Object> params = new ArrayList<>(List.of(owner, token, Math.max(1, Column.micros(leaseFor))));
        if (intervalMicros != null) {
            params.add(intervalMicros);
        }
        long callerNow = dbTime ? 0 : Column.micros(now);
        if (!dialect.updateReturns()) {
            // the row lock the UPDATE took holds until the transaction ends: the lease read back is the one just taken
            return jdbc.inTransaction(what, connection -> {
                try (PreparedStatement statement = connection.prepareStatement(update.sql())) {
                    update.bind(statement, params, callerNow);
                    if (statement.executeUpdate() == 0) {
                        return Optional.empty();
                    }
                }
                return Jdbc.query(connection, selectLease, List.of(token), row -> lease(row, owner, token)).stream()
                        .findFirst();
            });
        }
        return jdbc.run(what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(update.sql())) {
                update.bind(statement, params, callerNow);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(lease(row, owner, token)) : Optional.empty();
                }
            }
        });
    }

    private static RunLease lease(ResultSet row, String owner, String token) throws SQLException {
        return new RunLease(owner, token, Column.instant(row, "lease_acquired"), Column.instant(row, "lease_until"));
    }

    /** A statement template whose {@value #NOW} slots become the database's clock or a parameter. */
    private TimedSql timed(String template) {
        TimedSql compiled = TimedSql.compile(template, dialect, dbTime);
        return dialect.updateReturns()
                ? compiled.withSql(dialect.returning(compiled.sql(), "lease_acquired, lease_until"))
                : compiled;
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The " + name + " must be positive, not " + duration);
        }
    }
}
