package io.bokit.jdbc;

import io.bokit.core.domain.StorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The databases bokit-jdbc supports, and the little SQL that differs between them. */
public enum Dialect {
    /** H2 2.x, embedded (file or in-memory) or as a server. */
    H2("h2", true, "DATEDIFF(MICROSECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', CURRENT_TIMESTAMP)"),
    /** PostgreSQL 12 or later. */
    POSTGRESQL(
            "postgresql",
            false,
            // statement_timestamp(): the start of this statement, the same wherever it appears in it;
            // CURRENT_TIMESTAMP would be the start of the transaction, which a caller may have opened long ago
            "CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000000 AS BIGINT)");

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
     * @throws StorageException if it is neither H2 nor PostgreSQL
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
        throw new StorageException("Unsupported database \"" + product + "\": bokit-jdbc supports H2 and PostgreSQL");
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

    /** How the database stores an unquoted identifier (for metadata look-ups). */
    String storedIdentifier(String name) {
        return this == H2 ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** An insert-or-replace of one row by its key columns; the parameters are {@code columns} in order. */
    String upsert(String table, List<String> keys, List<String> columns) {
        String params = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
        String names = String.join(", ", columns);
        if (this == H2) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", keys) + ") VALUES (" + params
                    + ")";
        }
        String updates = columns.stream()
                .filter(column -> !keys.contains(column))
                .map(column -> column + " = EXCLUDED." + column)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET " + updates;
    }

    /** An UPDATE that also returns some columns of the rows it changed, run with {@code executeQuery}. */
    String returning(String update, String columns) {
        return this == H2
                ? "SELECT " + columns + " FROM FINAL TABLE (" + update + ")"
                : update + " RETURNING " + columns;
    }

    /** Serializes schema changes of concurrent initializers (in the current transaction). */
    void lockSchema(Connection connection) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(8826194573) ");
            }
        }
    }
}
