package io.bokit.jdbc;

/** Faults on H2: a data source wrapper fails the write. */
class H2FaultTest extends FaultTests {
    @Override
    TestDatabase open() {
        return TestDatabase.h2Memory();
    }
}
