package io.bokit.jdbc;

/** Two nodes on one PostgreSQL database. */
class PostgresClusterTest extends ClusterTests {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
