package io.bokit.reliability;

import io.bokit.jdbc.TestDatabase;

/** The loop simulation on H2 in memory. */
class H2LoopSimulationTest extends LoopSimulationTests {
    @Override
    TestDatabase open() {
        return TestDatabase.h2Memory();
    }
}
