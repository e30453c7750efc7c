package io.bokit.jdbc;

/** The stores on a MariaDB database (the server of {@link MariaDbServer}; skipped without one). */
@NeedsMariaDb
class MariaDbTest extends JdbcStoreTests {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
