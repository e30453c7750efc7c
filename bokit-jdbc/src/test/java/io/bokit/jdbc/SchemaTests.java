package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The schema initializer on a real database; each test uses table prefixes of its own. */
abstract class SchemaTests {
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    abstract TestDatabase database();

    private static String newPrefix() {
        return "s" + PREFIXES.incrementAndGet() + "_";
    }

    private int version(String prefix) {
        return (int) database().queryLong("SELECT MAX(version) FROM " + prefix + "schema_version");
    }

    private boolean hasTables(String prefix) {
        return database().run(connection -> new SchemaInitializer(
                                new Jdbc(database().dataSource()), database().dialect(), TablePrefix.of(prefix))
                        .currentVersion(connection))
                > 0;
    }

    private BokitJdbc build(String prefix, InitializeMode mode) {
        return BokitJdbc.builder(database().dataSource())
                .tablePrefix(prefix)
                .initialize(mode)
                .build();
    }

    @Test
    void createsTablesAndRecordsVersionWhenAlways() {
        // given
        String prefix = newPrefix();

        // when
        BokitJdbc stores = build(prefix, InitializeMode.ALWAYS);

        // then
        assertThat(version(prefix)).isEqualTo(SchemaInitializer.LATEST_VERSION);
        assertThat(stores.dialect()).isEqualTo(database().dialect());
        stores.options().store("sync.interval", "600");
        assertThat(stores.options().load("sync.interval")).contains("600");
        assertThat(stores.syncState().load().lastClaim()).isNull();
    }

    @Test
    void initializesAgainWithoutChangingAnything() {
        // given
        String prefix = newPrefix();
        build(prefix, InitializeMode.ALWAYS).options().store("install.complete", "true");

        // when
        BokitJdbc again = build(prefix, InitializeMode.ALWAYS);

        // then
        assertThat(again.options().loadAll()).containsEntry("install.complete", "true");
        assertThat(database().queryLong("SELECT COUNT(*) FROM " + prefix + "schema_version"))
                .isEqualTo(1);
        assertThat(database().queryLong("SELECT COUNT(*) FROM " + prefix + "sync_state"))
                .isEqualTo(1);
    }

    @Test
    void createsTablesInEmbeddedModeOnlyOnAnEmbeddedDatabase() {
        // given
        String prefix = newPrefix();

        // when
        build(prefix, InitializeMode.EMBEDDED);

        // then
        assertThat(hasTables(prefix)).isEqualTo(database().dialect() == Dialect.H2);
    }

    @Test
    void createsNothingInNeverMode() {
        // given
        String prefix = newPrefix();

        // when
        build(prefix, InitializeMode.NEVER);

        // then
        assertThat(hasTables(prefix)).isFalse();
    }

    @Test
    void refusesSchemaNewerThanItKnowsInEveryMode() {
        // given a database upgraded by a newer bokit-jdbc
        String prefix = newPrefix();
        build(prefix, InitializeMode.ALWAYS);
        int newer = SchemaInitializer.LATEST_VERSION + 1;
        database()
                .execute("INSERT INTO " + prefix + "schema_version (version, description) VALUES (" + newer
                        + ", 'from the future')");

        // when / then
        for (InitializeMode mode : InitializeMode.values()) {
            assertThatThrownBy(() -> build(prefix, mode))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("schema version " + newer)
                    .hasMessageContaining(
                            "newer than this bokit-jdbc knows (" + SchemaInitializer.LATEST_VERSION + ")");
        }
    }

    @Test
    void keepsTablesOfDifferentPrefixesApart() {
        // given
        BokitJdbc first = build(newPrefix(), InitializeMode.ALWAYS);
        BokitJdbc second = build(newPrefix(), InitializeMode.ALWAYS);

        // when
        first.options().store("timezone", "Europe/Lisbon");

        // then
        assertThat(second.options().loadAll()).isEmpty();
    }

    @Test
    void letsSeveralNodesInitializeAtOnce() throws Exception {
        // given
        String prefix = newPrefix();
        int nodes = 6;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            // when
            List<Future<BokitJdbc>> started = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                started.add(pool.submit(() -> build(prefix, InitializeMode.ALWAYS)));
            }

            // then
            for (Future<BokitJdbc> node : started) {
                assertThat(node.get(60, TimeUnit.SECONDS).syncState().load().lastClaim())
                        .isNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(version(prefix)).isEqualTo(SchemaInitializer.LATEST_VERSION);
    }
}
