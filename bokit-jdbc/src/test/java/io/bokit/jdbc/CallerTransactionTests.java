package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bokit.core.domain.RunLease;
import io.bokit.core.port.out.SyncStatePort;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim inside a caller's transaction (a transaction-aware data source hands bokit the caller's
 * connection): it must see what other nodes committed meanwhile, not a snapshot, and use the
 * database's time now, not the transaction's start.
 */
abstract class CallerTransactionTests {
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    abstract TestDatabase database();

    @BeforeEach
    void emptyStore() {
        database().clear(JdbcStoreTests.PREFIX);
    }

    private SyncStatePort stateOn(Connection connection, boolean dbTime) {
        return BokitJdbc.builder(DataSources.single(connection))
                .tablePrefix(JdbcStoreTests.PREFIX)
                .initialize(InitializeMode.NEVER)
                .dbTime(dbTime)
                .build()
                .syncState();
    }

    @Test
    void claimInCallersTransactionSeesClaimAnotherNodeCommittedMeanwhile() throws Exception {
        for (boolean dbTime : new boolean[] {true, false}) {
            database().clear(JdbcStoreTests.PREFIX);
            try (Connection caller = database().dataSource().getConnection()) {
                // given a caller's transaction that has read the state already
                caller.setAutoCommit(false);
                SyncStatePort inTransaction = stateOn(caller, dbTime);
                assertThat(inTransaction.load().lastClaim()).isNull();

                // when another node claims and commits, then the caller claims
                SyncStatePort other =
                        database().stores(JdbcStoreTests.PREFIX, dbTime).syncState();
                assertThat(other.claimInterval(INTERVAL, "web-2:7", LEASE, NOW)).isPresent();
                Optional<RunLease> lease = inTransaction.claimInterval(INTERVAL, "web-1:42", LEASE, NOW.plusSeconds(1));

                // then the caller loses
                assertThat(lease).as("claim with database time " + dbTime).isEmpty();
                caller.rollback();
            }
        }
    }

    @Test
    void claimInCallersTransactionUsesTimeOfTheStatementNotOfTheTransaction() throws Exception {
        assumeTrue(
                database().dialect() == Dialect.POSTGRESQL,
                "H2 keeps CURRENT_TIMESTAMP for a whole transaction; MySQL and MariaDB"
                        + " have no transaction start time to compare with (their UTC_TIMESTAMP is the statement's)");
        try (Connection caller = database().dataSource().getConnection()) {
            // given a transaction that started a while ago
            caller.setAutoCommit(false);
            long started;
            try (Statement statement = caller.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT CAST(EXTRACT(EPOCH FROM transaction_timestamp()) * 1000000 AS BIGINT)")) {
                row.next();
                started = row.getLong(1);
            }

            // when
            RunLease lease = stateOn(caller, true)
                    .claimInterval(INTERVAL, "web-1:42", LEASE, NOW)
                    .orElseThrow();

            // then
            assertThat(lease.acquiredAt()).isAfter(Column.instant(started));
            caller.commit();
        }
    }
}
