package io.bokit.reliability;

import io.bokit.jdbc.TestDatabase;

/** The feed fault matrix on H2 in memory. */
class H2FeedFaultTest extends FeedFaultTests {
    @Override
    TestDatabase open() {
        return TestDatabase.h2Memory();
    }
}
