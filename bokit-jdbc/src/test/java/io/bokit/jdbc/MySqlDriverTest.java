package io.bokit.jdbc;

/**
 * The stores on a MariaDB database through MySQL's driver (Connector/J, a {@code jdbc:mysql:} URL), as a MySQL user
 * runs them: the same suite as {@link MariaDbTest}, with the other driver's metadata, types and update counts.
 */
@NeedsMariaDb
class MySqlDriverTest extends JdbcStoreTests {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadbThroughMySqlDriver();
    }
}
