package io.bokit.jdbc;

/** The stores on a PostgreSQL database (the embedded server). */
class PostgresTest extends JdbcStoreTests {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
