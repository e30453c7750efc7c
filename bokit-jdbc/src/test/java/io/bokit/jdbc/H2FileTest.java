package io.bokit.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The stores on an H2 database in a file. */
class H2FileTest extends JdbcStoreTests {
    @TempDir
    static Path directory;

    @Override
    TestDatabase open() {
        return TestDatabase.h2File(directory);
    }
}
