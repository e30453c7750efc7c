package io.bokit.host.micrometer;

import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Micrometer metrics of bokit's runs, as a {@link SyncListener}: {@code bokit.sync.runs} (tag
 * {@code result} = {@code ok}, {@code partial} or {@code failed}), {@code bokit.sync.duration},
 * {@code bokit.sync.booking.changes} (tag {@code kind}) and {@code bokit.sync.feed.failures} (tags
 * {@code feed} and {@code feed.name}, never a URL) and the gauge {@code bokit.double.bookings.open}. Every adapter registers this one listener, so the meter names are the same in every host.
 */
public class BokitMetrics implements SyncListener {
    /** Runs completed, by result: ok (no feed failed), partial, failed (every feed failed). */
    public static final String RUNS = "bokit.sync.runs";
    /** How long runs take. */
    public static final String DURATION = "bokit.sync.duration";
    /** Booking changes applied, by kind: created, updated, vanished, deleted. */
    public static final String CHANGES = "bokit.sync.booking.changes";
    /** Feeds that failed in a run, by feed id and name. */
    public static final String FEED_FAILURES = "bokit.sync.feed.failures";
    /** Double-booking records open now (a gauge). */
    public static final String DOUBLE_BOOKINGS_OPEN = "bokit.double.bookings.open";

    private final MeterRegistry registry;
    private final Counter ok;
    private final Counter partial;
    private final Counter failed;
    private final Timer duration;
    private final Counter created;
    private final Counter updated;
    private final Counter vanished;
    private final Counter deleted;
    private final IntSupplier openDoubleBookings;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean stale;

    /** Metrics registered in a registry; the double-booking gauge follows the runs' reports (0 until the first). */
    public BokitMetrics(MeterRegistry registry) {
        this(registry, null);
    }

    /**
     * Metrics registered in a registry, with a source of the open double bookings (e.g. {@code () ->
     * host.bokit().doubleBookings().open(null).size()}) read for the gauge only when its cached value is stale: at the
     * first scrape, and after a double booking opened or closed outside a run; a run's report refreshes it without a
     * read. A scrape never reads the store twice in a row.
     *
     * @param openDoubleBookings the source, or null to follow the reports only
     */
    public BokitMetrics(MeterRegistry registry, IntSupplier openDoubleBookings) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.openDoubleBookings = openDoubleBookings;
        this.stale = new AtomicBoolean(openDoubleBookings != null);
        Gauge.builder(DOUBLE_BOOKINGS_OPEN, this, BokitMetrics::openDoubleBookings)
                .description("Double-booking records open now: two sources hold the same nights")
                .register(registry);
        this.ok = runs("ok");
        this.partial = runs("partial");
        this.failed = runs("failed");
        this.duration = Timer.builder(DURATION)
                .description("How long bokit sync runs take")
                .register(registry);
        this.created = changes("created");
        this.updated = changes("updated");
        this.vanished = changes("vanished");
        this.deleted = changes("deleted");
    }

    private Counter runs(String result) {
        return Counter.builder(RUNS)
                .description("bokit sync runs completed, by result")
                .tag("result", result)
                .register(registry);
    }

    private Counter changes(String kind) {
        return Counter.builder(CHANGES)
                .description("Bookings changed by bokit sync runs, by kind")
                .tag("kind", kind)
                .register(registry);
    }

    /** The gauge's value: the cached count, read again from the source only when stale. */
    private double openDoubleBookings() {
        if (openDoubleBookings != null && stale.compareAndSet(true, false)) {
            try {
                open.set(openDoubleBookings.getAsInt());
            } catch (RuntimeException e) {
                stale.set(true); // the store could not be read: keep the last value, try at the next scrape
            }
        }
        return open.get();
    }

    @Override
    public void doubleBookingOpened(DoubleBooking record) {
        open.incrementAndGet();
        stale.set(openDoubleBookings != null);
    }

    @Override
    public void doubleBookingClosed(DoubleBooking record) {
        open.updateAndGet(n -> Math.max(0, n - 1));
        stale.set(openDoubleBookings != null);
    }

    @Override
    public void runCompleted(SyncReport report) {
        open.set(report.openDoubleBookings());
        stale.set(false);
        int errors = report.errors();
        if (errors == 0) {
            ok.increment();
        } else if (errors == report.feeds().size()) {
            failed.increment();
        } else {
            partial.increment();
        }
        duration.record(report.duration());
        SyncCounters totals = report.totals();
        created.increment(totals.created());
        updated.increment(totals.updated());
        vanished.increment(totals.vanished());
        deleted.increment(totals.deleted());
        for (FeedResult feed : report.feeds()) {
            if (feed.failed()) {
                Counter.builder(FEED_FAILURES)
                        .description("Feeds that failed in bokit sync runs")
                        .tag("feed", feed.feed().value())
                        .tag("feed.name", feed.feedName())
                        .register(registry)
                        .increment();
            }
        }
    }
}
