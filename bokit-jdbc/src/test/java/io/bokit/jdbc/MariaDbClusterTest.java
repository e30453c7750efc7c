package io.bokit.jdbc;

/** Two nodes on one MariaDB database (the server of {@link MariaDbServer}; skipped without one). */
@NeedsMariaDb
class MariaDbClusterTest extends ClusterTests {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
