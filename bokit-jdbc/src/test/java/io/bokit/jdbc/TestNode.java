package io.bokit.jdbc;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.testkit.MutableClock;
import java.util.List;

/** A node in this test's JVM, beside the child JVMs: bokit over a pool of its own, database time, the HTTP fetcher. */
final class TestNode {
    private TestNode() {}

    /**
     * The node; its sync runs on the calling thread, its shared runs are the store's.
     *
     * @param reports where the runs it reports are added
     */
    static Bokit start(
            TestDatabase database, String prefix, MutableClock clock, String owner, List<SyncReport> reports) {
        BokitJdbc stores = BokitJdbc.builder(database.newPool(4))
                .tablePrefix(prefix)
                .initialize(InitializeMode.NEVER)
                .build();
        return Bokit.builder()
                .options(stores.options())
                .syncState(stores.syncState())
                .sharedRuns(stores.sharedRuns())
                .catalog(stores.feedCatalog())
                .bookings(stores.bookingStore())
                .fetcher(new HttpFeedFetcher(
                        HttpFetchSettings.builder().allowLoopback().build()))
                .clock(clock)
                .settings(RunSettings.defaults().withOwner(owner))
                .runExecutor(Runnable::run)
                .listener(new SyncListener() {
                    @Override
                    public void runCompleted(SyncReport report) {
                        reports.add(report);
                    }
                })
                .build();
    }
}
