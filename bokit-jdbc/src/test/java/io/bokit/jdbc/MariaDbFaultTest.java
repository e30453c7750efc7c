package io.bokit.jdbc;

/** Faults on MariaDB: the connection is killed on the server mid-transaction (skipped without a server). */
@NeedsMariaDb
class MariaDbFaultTest extends FaultTests {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }

    @Override
    DataSources.ConnectionAction killer() {
        return killConnection(database);
    }
}
