package io.bokit.micronaut;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A listener bean that counts finished runs and lets a test wait for them. */
final class RunCounter implements SyncListener {
    private final Semaphore runs = new Semaphore(0);
    private final List<SyncReport> reports = new CopyOnWriteArrayList<>();
    private final List<Booking> created = new CopyOnWriteArrayList<>();

    @Override
    public void bookingCreated(Booking booking) {
        created.add(booking);
    }

    @Override
    public void runCompleted(SyncReport report) {
        reports.add(report);
        runs.release();
    }

    /** Waits for {@code count} more finished runs. */
    boolean awaitRuns(int count, Duration timeout) throws InterruptedException {
        return runs.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<SyncReport> reports() {
        return reports;
    }

    List<Booking> created() {
        return created;
    }
}
