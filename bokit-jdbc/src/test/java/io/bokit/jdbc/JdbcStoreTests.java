package io.bokit.jdbc;

import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.DoubleBookingsPort;
import io.bokit.core.port.out.ExportLinksPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SharedRunPort;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.testkit.contract.BookingStorePortContract;
import io.bokit.testkit.contract.DoubleBookingsPortContract;
import io.bokit.testkit.contract.ExportLinksPortContract;
import io.bokit.testkit.contract.FeedCatalogPortContract;
import io.bokit.testkit.contract.OptionsPortContract;
import io.bokit.testkit.contract.SharedRunPortContract;
import io.bokit.testkit.contract.SyncStatePortContract;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * Every port's contract suite from bokit-testkit, plus the JDBC-specific tests, against one real
 * database per subclass. The sync state suite runs with caller time (it passes exact instants);
 * {@link DatabaseTimeTests} covers database time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStoreTests {
    static final String PREFIX = "bokit_";

    private TestDatabase database;

    /** Opens this class's database. */
    abstract TestDatabase open();

    @BeforeAll
    void openDatabase() {
        database = open();
        database.initialize(PREFIX);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) { // null when the database was missing and the class skipped
            database.close();
        }
    }

    TestDatabase database() {
        return database;
    }

    /** Empties the tables, then opens new ports over them on every call. */
    <P> Supplier<P> emptyStore(Function<BokitJdbc, P> port) {
        database.clear(PREFIX);
        return () -> port.apply(database.stores(PREFIX, false));
    }

    @Nested
    class Options extends OptionsPortContract {
        @Override
        protected Supplier<OptionsPort> newStore() {
            return emptyStore(BokitJdbc::options);
        }
    }

    @Nested
    class SyncStateWithCallerTime extends SyncStatePortContract {
        @Override
        protected Supplier<SyncStatePort> newStore() {
            return emptyStore(BokitJdbc::syncState);
        }

        @Override
        protected Duration resolution() {
            return Duration.ofNanos(1000); // instants are kept in microseconds
        }
    }

    @Nested
    class SharedRuns extends SharedRunPortContract {
        @Override
        protected Supplier<SharedRunPort> newStore() {
            return emptyStore(BokitJdbc::sharedRuns);
        }
    }

    @Nested
    class FeedCatalog extends FeedCatalogPortContract {
        @Override
        protected Supplier<FeedCatalogPort> newStore() {
            return emptyStore(BokitJdbc::feedCatalog);
        }
    }

    @Nested
    class BookingStore extends BookingStorePortContract {
        @Override
        protected Supplier<BookingStorePort> newStore() {
            return emptyStore(BokitJdbc::bookingStore);
        }
    }

    @Nested
    class ExportLinks extends ExportLinksPortContract {
        @Override
        protected Supplier<ExportLinksPort> newStore() {
            return emptyStore(BokitJdbc::exportLinks);
        }
    }

    @Nested
    class DoubleBookings extends DoubleBookingsPortContract {
        @Override
        protected Supplier<DoubleBookingsPort> newStore() {
            return emptyStore(BokitJdbc::doubleBookings);
        }
    }

    @Nested
    class SyncStateWithDatabaseTime extends DatabaseTimeTests {
        @Override
        TestDatabase database() {
            return JdbcStoreTests.this.database();
        }
    }

    @Nested
    class Schema extends SchemaTests {
        @Override
        TestDatabase database() {
            return JdbcStoreTests.this.database();
        }
    }

    @Nested
    class RoundTrip extends RoundTripTests {
        @Override
        TestDatabase database() {
            return JdbcStoreTests.this.database();
        }
    }

    @Nested
    class HostileValues extends HostileValueTests {
        @Override
        TestDatabase database() {
            return JdbcStoreTests.this.database();
        }
    }

    @Nested
    class CallerTransaction extends CallerTransactionTests {
        @Override
        TestDatabase database() {
            return JdbcStoreTests.this.database();
        }
    }
}
