package io.bokit.reliability;

import io.bokit.jdbc.NeedsMariaDb;
import io.bokit.jdbc.TestDatabase;

/** The feed fault matrix on the MariaDB server named by {@code BOKIT_TEST_MARIADB_URL} (skipped without one). */
@NeedsMariaDb
class MariaDbFeedFaultTest extends FeedFaultTests {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }
}
