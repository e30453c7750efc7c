package io.bokit.jdbc;

import io.bokit.core.domain.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or upgrades bokit's tables from the versioned scripts in the jar
 * ({@code io/bokit/jdbc/schema/<dialect>/V<n>__bokit.sql}, with {@code ${prefix}} for the table
 * prefix), recording each applied version in {@code <prefix>schema_version}. Refuses a database whose
 * schema is newer than the scripts it knows.
 */
final class SchemaInitializer {
    /** The newest schema version this jar knows. */
    static final int LATEST_VERSION = 6;

    private static final Logger log = LoggerFactory.getLogger(SchemaInitializer.class);

    /** Tries of an H2 initializer that races others; about six seconds of pauses in all. */
    private static final int H2_ATTEMPTS = 12;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final TablePrefix prefix;

    SchemaInitializer(Jdbc jdbc, Dialect dialect, TablePrefix prefix) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.prefix = prefix;
    }

    /** The classpath resource of a version's script for a dialect. */
    static String scriptPath(Dialect dialect, int version) {
        return "io/bokit/jdbc/schema/" + dialect.folder() + "/V" + version + "__bokit.sql";
    }

    /**
     * Brings the schema to {@link #LATEST_VERSION} if the mode says so; in every mode, refuses a newer
     * schema.
     *
     * @throws StorageException if a script fails or the schema is newer than this jar knows
     */
    void initialize(InitializeMode mode) {
        boolean create = mode == InitializeMode.ALWAYS || (mode == InitializeMode.EMBEDDED && dialect.embedded());
        int found = jdbc.run("read the bokit schema version", connection -> {
            dialect.checkSession(connection);
            return currentVersion(connection);
        });
        requireKnown(found);
        if (!create || found == LATEST_VERSION) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                upgradeOnce();
                return;
            } catch (StorageException e) {
                // H2 has no lock to serialize initializers, and commits each CREATE or ALTER at once: one
                // that raced another (a table half made, a script half run) waits a little and tries again
                if (attempt == H2_ATTEMPTS || dialect != Dialect.H2) {
                    throw e;
                }
                log.debug("Creating the bokit tables raced with another initializer; trying again", e);
                pause(attempt);
            }
        }
    }

    private void upgradeOnce() {
        Jdbc.SqlWork<Void> locked = connection -> {
            Dialect.SchemaLock lock = dialect.lockSchema(connection);
            try {
                return upgrade(connection);
            } finally {
                lock.close();
            }
        };
        if (dialect == Dialect.MYSQL) {
            // MySQL and MariaDB commit each CREATE or ALTER at once, so the scripts run statement by statement under
            // a lock of the session, released only once the last statement (the version's row) is committed
            jdbc.run("create the bokit tables", locked);
        } else {
            jdbc.inTransaction("create the bokit tables", locked);
        }
    }

    private Void upgrade(Connection connection) throws SQLException {
        int current = currentVersion(connection); // again, under the lock: another node may have done it
        requireKnown(current);
        // H2 cannot lock the schema: a racing initializer may have recorded a version whose tables another one
        // was still creating, and then failed to. Every script is idempotent (IF NOT EXISTS, MERGE), so on H2 an
        // upgrade runs them all again from the first, which makes such a half-made schema whole.
        int from = dialect == Dialect.H2 ? 1 : current + 1;
        for (int version = from; version <= LATEST_VERSION; version++) {
            apply(connection, version);
        }
        return null;
    }

    /** The version recorded in the database, 0 if bokit's tables are not there. */
    int currentVersion(Connection connection) throws SQLException {
        String table = prefix.table("schema_version");
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(
                connection.getCatalog(), connection.getSchema(), dialect.storedIdentifier(table), null)) {
            if (!tables.next()) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT MAX(version) FROM " + table)) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private void requireKnown(int version) {
        if (version > LATEST_VERSION) {
            throw new StorageException("The bokit tables with prefix " + prefix + " are at schema version " + version
                    + ", newer than this bokit-jdbc knows (" + LATEST_VERSION
                    + "): upgrade bokit-jdbc, or point it at another database or table prefix");
        }
    }

    /** Waits before try {@code attempt + 1}: 10 ms, 20 ms, 40 ms …, at most 1 s. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1_000L, 10L << (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while creating the bokit tables", e);
        }
    }

    /** Runs the script of one version on a connection. */
    void apply(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(scriptPath(dialect, version))) {
                statement.execute(sql);
            }
        }
        log.info("Created bokit schema version {} ({} tables with prefix {})", version, dialect, prefix);
    }

    /** A script's statements, its prefix placeholder filled in; statements end with ';' at the end of a line. */
    private List<String> statements(String path) {
        String script = resource(path).replace("${prefix}", prefix.value());
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String resource(String path) {
        // through the class, not its loader: on the module path a class loader sees no resource in a named module's
        // packages (io/bokit/jdbc/schema/h2 is one) unless the package is opened, while the module reads its own
        try (InputStream in = SchemaInitializer.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new StorageException("The schema script " + path + " is missing from the bokit-jdbc jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("Could not read the schema script " + path, e);
        }
    }
}
