package io.bokit.reliability;

import io.bokit.jdbc.TestDatabase;

/** The loop simulation on the embedded PostgreSQL server. */
class PostgresLoopSimulationTest extends LoopSimulationTests {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
