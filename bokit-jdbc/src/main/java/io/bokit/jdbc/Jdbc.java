package io.bokit.jdbc;

import io.bokit.core.domain.BokitException;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.Secrets;
import io.bokit.core.domain.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plumbing every store shares: borrow a connection, run prepared statements, turn an {@link
 * SQLException} into a {@link StorageException}. Thread-safe (it only holds the data source).
 */
final class Jdbc {
    private static final Logger log = LoggerFactory.getLogger(Jdbc.class);

    /** How many times a connection is asked for when the pool times out (the pool itself waits between). */
    static final int CONNECTION_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final Semaphore connections;
    /** How many connections this thread holds now, so a thread that already holds one is never blocked. */
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

    Jdbc(DataSource dataSource) {
        this(dataSource, BokitJdbc.DEFAULT_MAX_CONNECTIONS);
    }

    Jdbc(DataSource dataSource, int maxConnections) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.connections = new Semaphore(maxConnections, true);
    }

    /** Runs {@code work} on a connection in its current commit mode: each statement commits on its own by default. */
    <T> T run(String what, SqlWork<T> work) {
        try (Borrowed borrowed = borrow(what)) {
            return work.run(borrowed.connection());
        } catch (SQLException e) {
            throw failure(what, e);
        } catch (BokitException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(what, e); // a driver's unchecked exception must not cross the port either
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws anything.
     * A connection that is already in a transaction (a caller's, through a transaction-aware data
     * source) is left to its owner, who commits or rolls back everything at once.
     */
    <T> T inTransaction(String what, SqlWork<T> work) {
        try (Borrowed borrowed = borrow(what)) {
            Connection connection = borrowed.connection();
            if (!connection.getAutoCommit()) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } catch (BokitException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(what, e);
        }
    }

    /**
     * A connection from the data source, at most {@code maxConnections} at once across bokit's threads (a
     * thread that already holds one gets another without waiting), so a sync never takes more of the
     * host's pool than that. A pool that had no free connection in time (a transient connection exception
     * without a cause and without a connection-failure SQL state: HikariCP's "Connection is not available"
     * while the database is fine) is asked again, up to {@value #CONNECTION_ATTEMPTS} times in all; a
     * database that cannot be reached is not asked again, the next check or run tries later.
     */
    private Borrowed borrow(String what) throws SQLException {
        int[] mine = held.get();
        boolean gated = mine[0] == 0;
        if (gated) {
            try {
                connections.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("Could not " + what + ": interrupted while waiting for a connection", e);
            }
        }
        try {
            Connection connection = connect(what);
            mine[0]++;
            return new Borrowed(connection, gated);
        } catch (SQLException | RuntimeException e) {
            if (gated) {
                connections.release();
            }
            throw e;
        }
    }

    private Connection connect(String what) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return dataSource.getConnection();
            } catch (SQLTransientConnectionException e) {
                if (attempt >= CONNECTION_ATTEMPTS || !poolWasBusy(e)) {
                    throw e;
                }
                log.warn(
                        "[SyncJob] No database connection was available to {} (attempt {} of {}), asking again: {}",
                        what,
                        attempt,
                        CONNECTION_ATTEMPTS,
                        Secrets.mask(e.getMessage()));
            }
        }
    }

    /** Whether the pool only ran out of free connections (no failure to reach the database behind it). */
    private static boolean poolWasBusy(SQLTransientConnectionException e) {
        String state = e.getSQLState();
        return e.getCause() == null && (state == null || !state.startsWith("08"));
    }

    /** A borrowed connection; closing it gives it back and frees its place. */
    private final class Borrowed implements AutoCloseable {
        private final Connection connection;
        private final boolean gated;

        Borrowed(Connection connection, boolean gated) {
            this.connection = connection;
            this.gated = gated;
        }

        Connection connection() {
            return connection;
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.close();
            } finally {
                held.get()[0]--;
                if (gated) {
                    connections.release();
                }
            }
        }
    }

    /** Runs a query with parameters and maps every row. */
    static <T> List<T> query(Connection connection, String sql, List<?> params, RowMapper<T> mapper)
            throws SQLException {
        if (params.stream().anyMatch(param -> unstorableAt(param) >= 0)) {
            return List.of(); // no stored row can hold a text no store keeps
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    /** Runs an INSERT, UPDATE or DELETE with parameters; returns the number of rows changed. */
    static int update(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    /** Binds parameters in order; a {@link Column.Null} binds an SQL NULL of its type. */
    static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        bind(statement, 1, params);
    }

    /** Binds parameters from position {@code first} on; returns the position after the last one bound. */
    static int bind(PreparedStatement statement, int first, List<?> params) throws SQLException {
        int position = first;
        for (Object param : params) {
            if (param instanceof Column.Null typed) {
                statement.setNull(position, typed.sqlType());
            } else {
                requireStorable(param);
                statement.setObject(position, param);
            }
            position++;
        }
        return position;
    }

    /**
     * Refuses text that no bokit store keeps verbatim, with the same rule on every database: a NUL
     * character (PostgreSQL refuses it) or an unpaired surrogate (not Unicode: PostgreSQL's driver would
     * store {@code ?} in its place). Called before anything is sent, so a refused value writes nothing.
     * The message gives the position, never the text (it may be personal data or a feed's secret).
     *
     * @throws InvalidInputException if {@code param} is such a text
     */
    static void requireStorable(Object param) {
        int at = unstorableAt(param);
        if (at < 0) {
            return;
        }
        String text = (String) param;
        String what = text.charAt(at) == '\0'
                ? "a NUL character (U+0000"
                : String.format("an unpaired surrogate (U+%04X", (int) text.charAt(at));
        throw new InvalidInputException("Cannot store text containing " + what + " at index " + at + " of a text of "
                + text.length() + " characters): no bokit store keeps it");
    }

    /** The index of the first NUL or unpaired surrogate in a text parameter, or -1 (also for any other value). */
    private static int unstorableAt(Object param) {
        if (!(param instanceof String text)) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c == '\0' || Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A storage exception for a failed operation; the message names the operation, never a URL or credential. */
    static StorageException failure(String what, Exception e) {
        String state = e instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQL state " + sql.getSQLState() + ")"
                : "";
        return new StorageException(
                "Could not " + what + state + ": " + Secrets.mask(String.valueOf(e.getMessage())), e);
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection: the pool discards it
        }
    }

    /** Work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
