package io.bokit.jdbc;

import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.DoubleBookingsPort;
import io.bokit.core.port.out.ExportLinksPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SharedRunPort;
import io.bokit.core.port.out.SyncStatePort;
import java.sql.Connection;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * bokit's storage ports over one JDBC {@link DataSource} (H2, PostgreSQL, MySQL or MariaDB): build once, then hand
 * the ports to {@code Bokit.builder()}.
 *
 * <pre>{@code
 * BokitJdbc stores = BokitJdbc.builder(dataSource)
 *         .tablePrefix("bokit_")
 *         .initialize(InitializeMode.EMBEDDED)
 *         .dbTime(true)
 *         .build();
 * }</pre>
 *
 * <p>The ports are thread-safe and hold no connection: each call borrows one from the data source
 * (use a pool) and gives it back. Every {@link java.sql.SQLException} reaches the caller as an {@link
 * io.bokit.core.domain.StorageException} with the driver's exception as its cause.
 */
public final class BokitJdbc {
    private final Dialect dialect;
    private final TablePrefix prefix;
    private final OptionsPort options;
    private final SyncStatePort syncState;
    private final SharedRunPort sharedRuns;
    private final FeedCatalogPort feedCatalog;
    private final BookingStorePort bookingStore;
    private final ExportLinksPort exportLinks;
    private final DoubleBookingsPort doubleBookings;

    private BokitJdbc(Dialect dialect, TablePrefix prefix, Jdbc jdbc, boolean dbTime) {
        this.dialect = dialect;
        this.prefix = prefix;
        this.options = new JdbcOptions(jdbc, dialect, prefix);
        this.syncState = new JdbcSyncState(jdbc, dialect, prefix, dbTime);
        this.sharedRuns = new JdbcSharedRuns(jdbc, dialect, prefix, dbTime);
        this.feedCatalog = new JdbcFeedCatalog(jdbc, dialect, prefix);
        this.bookingStore = new JdbcBookingStore(jdbc, dialect, prefix);
        this.exportLinks = new JdbcExportLinks(jdbc, dialect, prefix);
        this.doubleBookings = new JdbcDoubleBookings(jdbc, dialect, prefix);
    }

    /**
     * A builder over a data source.
     *
     * @param dataSource where the tables are, not null; a pooled one in production
     * @return a builder with the defaults: prefix {@code bokit_}, {@link InitializeMode#EMBEDDED},
     *     database time, dialect detected
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The options, in {@code <prefix>option}; never null, thread-safe. */
    public OptionsPort options() {
        return options;
    }

    /** The sync state (last claim and run lease), in {@code <prefix>sync_state}; never null, thread-safe. */
    public SyncStatePort syncState() {
        return syncState;
    }

    /** The calendars and feeds, in {@code <prefix>calendar} and {@code <prefix>feed}; never null, thread-safe. */
    public FeedCatalogPort feedCatalog() {
        return feedCatalog;
    }

    /** The bookings and their history, in {@code <prefix>booking} and {@code <prefix>booking_history}; thread-safe. */
    public BookingStorePort bookingStore() {
        return bookingStore;
    }

    /** The served exports (their tokens as hashes), in {@code <prefix>export}; never null, thread-safe. */
    public ExportLinksPort exportLinks() {
        return exportLinks;
    }

    /**
     * Shared runs, in {@code <prefix>run}, {@code <prefix>run_slot} and {@code <prefix>run_feed}: pass it to
     * {@code Bokit.Builder.sharedRuns} to let nodes share a run's feeds; never null, thread-safe.
     */
    public SharedRunPort sharedRuns() {
        return sharedRuns;
    }

    /** The double-booking records, in {@code <prefix>double_booking}; never null, thread-safe. */
    public DoubleBookingsPort doubleBookings() {
        return doubleBookings;
    }

    /** The database's dialect, detected or as set; never null. */
    public Dialect dialect() {
        return dialect;
    }

    /** The table prefix; never null. */
    public TablePrefix tablePrefix() {
        return prefix;
    }

    /** The default of {@link Builder#maxConnections(int)}: 2. */
    public static final int DEFAULT_MAX_CONNECTIONS = 2;

    /** Builds a {@link BokitJdbc}; not thread-safe, use it on one thread. */
    public static final class Builder {
        private final DataSource dataSource;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private TablePrefix prefix = TablePrefix.DEFAULT;
        private InitializeMode initialize = InitializeMode.EMBEDDED;
        private boolean dbTime = true;
        private Dialect dialect;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the table prefix.
         *
         * @param value e.g. {@code bokit_} (the default)
         * @return this builder
         * @throws io.bokit.core.domain.InvalidInputException if the prefix is not allowed (see {@link TablePrefix})
         */
        public Builder tablePrefix(String value) {
            this.prefix = TablePrefix.of(value);
            return this;
        }

        /**
         * Sets when {@link #build()} creates or upgrades the tables.
         *
         * @param mode the mode, not null; {@link InitializeMode#EMBEDDED} by default
         * @return this builder
         */
        public Builder initialize(InitializeMode mode) {
            this.initialize = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets whose clock the sync state's claims use: the database's (true, the default), so nodes with
         * skewed clocks agree, or the caller's {@code now} (false).
         *
         * @param value whether to use database time
         * @return this builder
         */
        public Builder dbTime(boolean value) {
            this.dbTime = value;
            return this;
        }

        /**
         * Sets how many connections of the data source bokit holds at most at once, across every thread of
         * a sync (a thread that already holds one may take a second), so that a sync never starves the
         * host's pages of their pool. A pool that times out is asked again, three times in all.
         *
         * @param value 1 to 64; {@value #DEFAULT_MAX_CONNECTIONS} by default
         * @return this builder
         * @throws io.bokit.core.domain.InvalidInputException if out of range
         */
        public Builder maxConnections(int value) {
            if (value < 1 || value > 64) {
                throw new InvalidInputException("max connections must be 1 to 64, was " + value);
            }
            this.maxConnections = value;
            return this;
        }

        /**
         * Sets the dialect instead of detecting it from the database.
         *
         * @param value the dialect, not null
         * @return this builder
         */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * Detects the dialect if not set, creates or upgrades the tables as the initialize mode says, and
         * checks that their schema is not newer than this jar knows.
         *
         * @return the ports, never null
         * @throws io.bokit.core.domain.StorageException if the database cannot be reached, is not supported,
         *     a schema script fails, or the schema is newer than this jar knows
         */
        public BokitJdbc build() {
            Jdbc jdbc = new Jdbc(dataSource, maxConnections);
            Dialect detected = dialect != null
                    ? dialect
                    : jdbc.run(
                            "detect the database", (Connection connection) -> Dialect.detect(connection.getMetaData()));
            new SchemaInitializer(jdbc, detected, prefix).initialize(initialize);
            return new BokitJdbc(detected, prefix, jdbc, dbTime);
        }
    }
}
