package io.bokit.reliability;

import io.bokit.jdbc.TestDatabase;

/** The feed fault matrix on the embedded PostgreSQL server. */
class PostgresFeedFaultTest extends FeedFaultTests {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
