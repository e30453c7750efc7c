package io.bokit.jdbc;

import io.bokit.core.domain.StorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The databases bokit-jdbc supports, and the little SQL that differs between them.
 *
 * <p>Where a later statement differs by database (a batch claim of feeds, for one), it goes here as one more
 * method, like {@link #upsert} and {@link #returning}: PostgreSQL and MySQL 8 / MariaDB 10.6+ can both claim rows
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}, H2 with a conditional UPDATE.
 */
public enum Dialect {
    /** H2 2.x, embedded (file or in-memory) or as a server. */
    H2("h2", true, "DATEDIFF(MICROSECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', CURRENT_TIMESTAMP)"),
    /** PostgreSQL 12 or later. */
    POSTGRESQL(
            "postgresql",
            false,
            // statement_timestamp(): the start of this statement, the same wherever it appears in it;
            // CURRENT_TIMESTAMP would be the start of the transaction, which a caller may have opened long ago
            "CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000000 AS BIGINT)"),
    /**
     * MySQL 8.0 or later and MariaDB 10.11 or later, with InnoDB tables: one dialect and one set of scripts, since
     * bokit uses only SQL that both understand alike.
     */
    MYSQL(
            "mysql",
            false,
            // UTC_TIMESTAMP(6): the start of this statement, in UTC whatever the session's time zone
            "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6))");

    /** The name of the lock that serializes schema changes on MySQL and MariaDB (one per server, like PostgreSQL's). */
    static final String SCHEMA_LOCK = "bokit.schema";

    /** How long an initializer waits for another one's schema changes on MySQL and MariaDB. */
    static final int SCHEMA_LOCK_SECONDS = 120;

    private final String folder;
    private final boolean embedded;
    private final String nowMicros;

    Dialect(String folder, boolean embedded, String nowMicros) {
        this.folder = folder;
        this.embedded = embedded;
        this.nowMicros = nowMicros;
    }

    /**
     * The dialect of a connected database.
     *
     * @throws StorageException if it is none of H2, PostgreSQL, MySQL and MariaDB
     */
    static Dialect detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        // MariaDB's driver says MariaDB (or MySQL, on a MySQL server); MySQL's driver says MySQL on both servers
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        throw new StorageException(
                "Unsupported database \"" + product + "\": bokit-jdbc supports H2, PostgreSQL, MySQL and MariaDB");
    }

    /** Whether the database usually runs inside the application (for {@link InitializeMode#EMBEDDED}). */
    boolean embedded() {
        return embedded;
    }

    /** The folder of this dialect's scripts under {@code io/bokit/jdbc/schema/}. */
    String folder() {
        return folder;
    }

    /** An SQL expression for the database's current time in epoch microseconds, constant within one statement. */
    String nowMicros() {
        return nowMicros;
    }

    /** An SQL expression that turns a parameter or expression into a 64-bit integer. */
    String bigint(String expression) {
        return "CAST(" + expression + (this == MYSQL ? " AS SIGNED)" : " AS BIGINT)");
    }

    /** How the database stores an unquoted identifier (for metadata look-ups). */
    String storedIdentifier(String name) {
        return this == H2 ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** An insert-or-replace of one row by its key columns; the parameters are {@code columns} in order. */
    String upsert(String table, List<String> keys, List<String> columns) {
        String params = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
        String names = String.join(", ", columns);
        List<String> values =
                columns.stream().filter(column -> !keys.contains(column)).toList();
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", keys) + ") VALUES ("
                    + params + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ") ON CONFLICT ("
                    + String.join(", ", keys) + ") DO UPDATE SET "
                    + values.stream()
                            .map(column -> column + " = EXCLUDED." + column)
                            .collect(Collectors.joining(", "));
                // VALUES(column) is deprecated on MySQL 8.0.20+ in favour of a row alias that MariaDB does not know
            case MYSQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ") ON DUPLICATE KEY UPDATE "
                    + values.stream()
                            .map(column -> column + " = VALUES(" + column + ")")
                            .collect(Collectors.joining(", "));
        };
    }

    /**
     * Whether an UPDATE can return columns of the rows it changed ({@link #returning}); MySQL and MariaDB cannot,
     * so there the changed row is read again in the same transaction, which holds its lock.
     */
    boolean updateReturns() {
        return this != MYSQL;
    }

    /** An UPDATE that also returns some columns of the rows it changed, run with {@code executeQuery}. */
    String returning(String update, String columns) {
        return switch (this) {
            case H2 -> "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
            case POSTGRESQL -> update + " RETURNING " + columns;
            case MYSQL -> throw new UnsupportedOperationException("MySQL and MariaDB have no UPDATE … RETURNING");
        };
    }

    /**
     * Refuses a session whose settings would keep text other than verbatim: MySQL and MariaDB outside strict mode
     * cut a value too long for its column (a booking UID, say) with a mere warning.
     *
     * @throws StorageException if the session is not in strict mode
     */
    void checkSession(Connection connection) throws SQLException {
        if (this != MYSQL) {
            return;
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT @@SESSION.sql_mode")) {
            String mode = row.next() && row.getString(1) != null ? row.getString(1) : "";
            if (!mode.contains("STRICT_TRANS_TABLES") && !mode.contains("STRICT_ALL_TABLES")) {
                throw new StorageException("The database session's sql_mode (" + mode + ") is not strict: bokit needs"
                        + " STRICT_TRANS_TABLES (the default of MySQL 8 and MariaDB), so that a value too long for"
                        + " its column is refused instead of cut");
            }
        }
    }

    /**
     * Serializes schema changes of concurrent initializers: on PostgreSQL until the current transaction ends, on
     * MySQL and MariaDB (which commit each CREATE or ALTER at once) until the returned lock is closed; nothing on H2.
     *
     * @throws StorageException if another initializer held the lock too long
     */
    SchemaLock lockSchema(Connection connection) throws SQLException {
        switch (this) {
            case POSTGRESQL -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_xact_lock(8826194573) ");
                }
                return () -> {};
            }
            case MYSQL -> {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery(
                                "SELECT GET_LOCK('" + SCHEMA_LOCK + "', " + SCHEMA_LOCK_SECONDS + ")")) {
                    if (!row.next() || row.getInt(1) != 1) {
                        throw new StorageException("Another node held the bokit schema lock for more than "
                                + SCHEMA_LOCK_SECONDS + " seconds");
                    }
                }
                return () -> {
                    // a pooled connection lives on: the lock must go now, not when the connection closes
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT RELEASE_LOCK('" + SCHEMA_LOCK + "')");
                    }
                };
            }
            default -> {
                return () -> {};
            }
        }
    }

    /** A held schema lock; closing it releases it. */
    @FunctionalInterface
    interface SchemaLock extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
