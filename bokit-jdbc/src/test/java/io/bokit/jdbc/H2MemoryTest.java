package io.bokit.jdbc;

/** The stores on an H2 database in memory. */
class H2MemoryTest extends JdbcStoreTests {
    @Override
    TestDatabase open() {
        return TestDatabase.h2Memory();
    }
}
