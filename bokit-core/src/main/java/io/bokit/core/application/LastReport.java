package io.bokit.core.application;

import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import java.util.Optional;

/** Remembers the last finished run's report in this process, for status endpoints. Thread-safe. */
final class LastReport implements SyncListener {
    private volatile SyncReport last;

    @Override
    public void runCompleted(SyncReport report) {
        last = report;
    }

    /** The last report, if a run finished in this process. */
    public Optional<SyncReport> get() {
        return Optional.ofNullable(last);
    }
}
