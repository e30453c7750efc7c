package io.bokit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The one embedded PostgreSQL server of the test JVM (real binaries from Maven Central, no Docker),
 * started on first use, stopped when the JVM exits. Each test class gets a database of its own.
 */
final class EmbeddedPostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPostgresServer() {}

    /** Creates a database and hands its name (as a drop action) and URL to {@code open}. */
    static <T> T newDatabase(BiFunction<Runnable, String, T> open) {
        EmbeddedPostgres server = Holder.SERVER;
        String name = "bokit_test_" + DATABASES.incrementAndGet();
        admin(server, "CREATE DATABASE " + name);
        return open.apply(
                () -> admin(server, "DROP DATABASE " + name + " WITH (FORCE)"), server.getJdbcUrl("postgres", name));
    }

    /** A statement on the server's {@code postgres} database, outside any test database. */
    static void admin(EmbeddedPostgres server, String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Lazy, thread-safe start (the holder idiom). */
    private static final class Holder {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
        }
    }
}
