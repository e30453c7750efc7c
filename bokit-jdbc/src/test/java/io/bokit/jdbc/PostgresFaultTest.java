package io.bokit.jdbc;

/** Faults on PostgreSQL: the server process of the connection is terminated mid-transaction. */
class PostgresFaultTest extends FaultTests {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }

    @Override
    DataSources.ConnectionAction killer() {
        return terminateBackend(database);
    }
}
