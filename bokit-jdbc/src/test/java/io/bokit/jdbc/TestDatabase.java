package io.bokit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real database for one test class: H2 in memory, H2 in a file, a fresh PostgreSQL database
 * on the embedded server, or a fresh database on the MariaDB server of {@link MariaDbServer}. Opens connection pools over it and empties bokit's tables between tests.
 * Public, in bokit-jdbc's test jar, for bokit-reliability's suites.
 */
public final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final String name;
    private final String url;
    private final Dialect dialect;
    private final Runnable onClose;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final HikariDataSource dataSource;

    private TestDatabase(String name, String url, Dialect dialect, Runnable onClose) {
        this.name = name;
        this.url = url;
        this.dialect = dialect;
        this.onClose = onClose;
        this.dataSource = newPool(40);
    }

    /** A new H2 database in memory, gone when closed. */
    public static TestDatabase h2Memory() {
        String url = "jdbc:h2:mem:bokit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return h2("H2 in memory", url);
    }

    /** A new H2 database in a file in {@code directory}. */
    static TestDatabase h2File(Path directory) {
        return h2("H2 file", "jdbc:h2:file:" + directory.resolve("bokit").toAbsolutePath());
    }

    /** A new, empty database on the embedded PostgreSQL server (started once per JVM). */
    public static TestDatabase postgres() {
        return EmbeddedPostgresServer.newDatabase(
                (database, url) -> new TestDatabase("PostgreSQL", url, Dialect.POSTGRESQL, database));
    }

    /**
     * A new, empty database on the MariaDB server that {@link MariaDbServer#url()} names.
     *
     * @throws org.opentest4j.TestAbortedException if there is none and it is not required: the caller is skipped
     */
    public static TestDatabase mariadb() {
        return MariaDbServer.newDatabase((database, url) -> new TestDatabase("MariaDB", url, Dialect.MYSQL, database));
    }

    /** A new, empty database on the same MariaDB server, reached through MySQL's driver (a {@code jdbc:mysql:} URL). */
    static TestDatabase mariadbThroughMySqlDriver() {
        return MariaDbServer.newDatabase((database, url) -> new TestDatabase(
                "MariaDB through MySQL Connector/J", MariaDbServer.mysqlUrl(url), Dialect.MYSQL, database));
    }

    private static TestDatabase h2(String name, String url) {
        TestDatabase[] self = new TestDatabase[1];
        self[0] = new TestDatabase(name, url, Dialect.H2, () -> self[0].shutdownH2());
        return self[0];
    }

    /** The shared pool of this database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL. */
    public String url() {
        return url;
    }

    /** The dialect. */
    Dialect dialect() {
        return dialect;
    }

    /** A separate connection pool over the same database, as another node would have; closed with this. */
    HikariDataSource newPool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (dialect != Dialect.MYSQL) { // the MariaDB URL holds its user and password
            config.setUsername(dialect == Dialect.POSTGRESQL ? "postgres" : "sa");
            config.setPassword("");
        }
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName("bokit-test-" + POOLS.incrementAndGet());
        HikariDataSource pool = new HikariDataSource(config);
        synchronized (pools) {
            pools.add(pool);
        }
        return pool;
    }

    /** Creates bokit's tables with a prefix, if missing. */
    public BokitJdbc initialize(String prefix) {
        return BokitJdbc.builder(dataSource)
                .tablePrefix(prefix)
                .initialize(InitializeMode.ALWAYS)
                .build();
    }

    /** New ports over the tables with a prefix, which must exist. */
    BokitJdbc stores(String prefix, boolean dbTime) {
        return BokitJdbc.builder(dataSource)
                .tablePrefix(prefix)
                .initialize(InitializeMode.NEVER)
                .dbTime(dbTime)
                .build();
    }

    /** Empties every bokit table with a prefix; the sync state row stays, emptied. */
    public void clear(String prefix) {
        for (String table : List.of(
                "option",
                "calendar",
                "feed",
                "booking",
                "booking_history",
                "export",
                "double_booking",
                "run_feed",
                "run_slot",
                "run")) {
            execute("DELETE FROM " + prefix + table);
        }
        execute("UPDATE " + prefix + "sync_state SET last_claim = NULL, lease_owner = NULL, lease_token = NULL,"
                + " lease_acquired = NULL, lease_until = NULL");
    }

    /** The database's current time, as the sync state's claims read it. */
    Instant now() {
        return Column.instant(queryLong("SELECT " + dialect.nowMicros()));
    }

    /** Runs one statement; returns the update count. */
    int execute(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return statement.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs work on a connection of the shared pool. */
    <T> T run(Jdbc.SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query for one number. */
    long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void shutdownH2() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // closing the connection of a database that is shut down fails; the database is gone all the same
        }
    }

    @Override
    public void close() {
        try {
            onClose.run();
        } finally {
            synchronized (pools) {
                pools.forEach(HikariDataSource::close);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
