package io.bokit.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assumptions;

/**
 * The MariaDB (or MySQL) server the tests run on, named by a JDBC URL with user and password in {@value
 * #URL_VARIABLE} (or the system property {@value #URL_PROPERTY}): {@code .ci/mariadb} starts one on loopback and
 * prints that URL. Without a URL the tests that need the server are skipped, or fail if the system property
 * {@value #REQUIRED_PROPERTY} is {@code true} (as {@code .ci/run} sets it). Each test class gets a database of its
 * own, {@code bokit_test_<random>}, dropped when it closes.
 */
public final class MariaDbServer {
    /** The environment variable with the server's JDBC URL. */
    public static final String URL_VARIABLE = "BOKIT_TEST_MARIADB_URL";
    /** The system property with the server's JDBC URL; wins over the environment variable. */
    public static final String URL_PROPERTY = "bokit.test.mariadb.url";
    /** The system property that turns a missing URL from a skip into a failure. */
    public static final String REQUIRED_PROPERTY = "bokit.test.mariadb.required";

    /** Why the MariaDB tests do not run without a server. */
    static final String MISSING = "No MariaDB server: set " + URL_VARIABLE + " to a JDBC URL with user and password"
            + " (.ci/mariadb starts a server and prints one) to run the MariaDB tests";

    private MariaDbServer() {}

    /**
     * The server's JDBC URL, with the database {@code .ci/mariadb} made.
     *
     * @throws org.opentest4j.TestAbortedException if no URL is set and the server is not required: the test is skipped
     */
    public static String url() {
        if (named()) {
            return configured().strip();
        }
        if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
            fail(MISSING + "; they are required (" + REQUIRED_PROPERTY + "=true)");
        }
        Assumptions.abort(MISSING);
        throw new AssertionError("unreachable");
    }

    /** Whether a server's URL is set. */
    static boolean named() {
        String url = configured();
        return url != null && !url.isBlank();
    }

    private static String configured() {
        return System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
    }

    /** Creates a database and hands its drop action and URL to {@code open}. */
    static <T> T newDatabase(BiFunction<Runnable, String, T> open) {
        String base = url();
        String name =
                "bokit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin(base, "CREATE DATABASE " + name);
        return open.apply(() -> admin(base, "DROP DATABASE IF EXISTS " + name), withDatabase(base, name));
    }

    /** The URL with another database in its path: {@code jdbc:mariadb://host:port/name?options}. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        int path = url.indexOf('/', hosts + 2);
        int query = url.indexOf('?');
        String options = query < 0 ? "" : url.substring(query);
        return (path < 0 ? url.substring(0, query < 0 ? url.length() : query) : url.substring(0, path)) + "/" + database
                + options;
    }

    /** The same server and database as a {@code jdbc:mysql:} URL, for MySQL's driver. */
    static String mysqlUrl(String url) {
        return url.replaceFirst("^jdbc:(mariadb|mysql):", "jdbc:mysql:");
    }

    private static void admin(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on the MariaDB server", e);
        }
    }
}
