package io.bokit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import java.time.Duration;

/**
 * The main class of another JVM that syncs like a web node would: its own pool on the database whose
 * URL is its first argument, bokit's whole stack with the HTTP fetcher, and one request through the
 * hook, which claims the interval and runs the sync on the request thread. It tells the parent what it
 * does on standard output, in lines that start with {@value #TAG}: its owner, each booking stored,
 * and the end of the run (which a test that kills it never sees). When the database says {@code sync.shared_runs}, it
 * opens a shared run and syncs its part of it.
 */
final class SyncChildProcess {
    /** The start of every line meant for the parent. */
    static final String TAG = "[child]";

    private SyncChildProcess() {}

    /** Syncs once through the hook; the arguments are the JDBC URL and the database user. */
    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword("");
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            BokitJdbc stores =
                    BokitJdbc.builder(pool).initialize(InitializeMode.NEVER).build(); // database time, as in production
            RunSettings settings = RunSettings.defaults();
            HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                    .allowLoopback()
                    .requestTimeout(Duration.ofMinutes(10)) // a held feed stays in flight until the parent kills us
                    .build());
            Bokit bokit = Bokit.builder()
                    .options(stores.options())
                    .syncState(stores.syncState())
                    .catalog(stores.feedCatalog())
                    .bookings(stores.bookingStore())
                    .sharedRuns(stores.sharedRuns()) // used when the option sync.shared_runs is true
                    .sharedRunPoll(Duration.ofMillis(100))
                    .fetcher(fetcher)
                    .settings(settings)
                    .runExecutor(Runnable::run)
                    .listener(new SyncListener() {
                        @Override
                        public void bookingCreated(Booking booking) {
                            tell("stored " + booking.feed() + " "
                                    + booking.key().uid());
                        }

                        @Override
                        public void runCompleted(SyncReport report) {
                            tell("completed " + report.feeds().size() + " feeds");
                        }
                    })
                    .build();
            tell("owner " + settings.owner());
            bokit.autoSync().onRequest();
            tell("exiting");
        }
    }

    private static void tell(String line) {
        System.out.println(TAG + " " + line);
        System.out.flush();
    }
}
