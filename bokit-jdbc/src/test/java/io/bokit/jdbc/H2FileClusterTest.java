package io.bokit.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes (two connection pools) on one H2 file database. */
class H2FileClusterTest extends ClusterTests {
    @TempDir
    Path directory;

    @Override
    TestDatabase open() {
        return TestDatabase.h2File(directory);
    }
}
