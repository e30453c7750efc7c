package io.bokit.micronaut;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;

/**
 * Micrometer metrics of bokit's runs, present when the application has a {@link MeterRegistry}:
 * {@value #RUNS} (tag {@code result}: {@code ok}, {@code partial}, {@code failed}), {@value #DURATION},
 * {@value #CHANGES} (tag {@code kind}) and {@value #FEED_FAILURES} (tags {@code feed}: the feed's id,
 * and {@code feed.name}: its display name). No tag ever carries a URL. The Spring adapter records the
 * same meters.
 */
@Singleton
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
@Requires(property = BokitConfiguration.PREFIX + ".enabled", notEquals = StringUtils.FALSE)
public final class BokitMetrics implements SyncListener {
    /** Finished runs, by result. */
    public static final String RUNS = "bokit.sync.runs";
    /** How long runs take. */
    public static final String DURATION = "bokit.sync.duration";
    /** Booking changes applied, by kind: created, updated, vanished, deleted. */
    public static final String CHANGES = "bokit.sync.booking.changes";
    /** Feeds that failed in a run, by feed id and name. */
    public static final String FEED_FAILURES = "bokit.sync.feed.failures";

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter updated;
    private final Counter vanished;
    private final Counter deleted;
    private final Timer duration;

    BokitMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = change("created");
        this.updated = change("updated");
        this.vanished = change("vanished");
        this.deleted = change("deleted");
        this.duration = Timer.builder(DURATION)
                .description("how long bokit's sync runs take")
                .register(registry);
    }

    private Counter change(String kind) {
        return Counter.builder(CHANGES)
                .tag("kind", kind)
                .description("booking changes bokit applied")
                .register(registry);
    }

    @Override
    public void bookingCreated(Booking booking) {
        created.increment();
    }

    @Override
    public void bookingUpdated(Booking before, Booking after) {
        updated.increment();
    }

    @Override
    public void bookingVanished(Booking booking) {
        vanished.increment();
    }

    @Override
    public void bookingDeleted(Booking booking) {
        deleted.increment();
    }

    @Override
    public void runCompleted(SyncReport report) {
        duration.record(report.duration());
        Counter.builder(RUNS)
                .tag("result", result(report))
                .description("bokit sync runs finished")
                .register(registry)
                .increment();
        for (FeedResult feed : report.feeds()) {
            if (feed.failed()) {
                Counter.builder(FEED_FAILURES)
                        .tag("feed", feed.feed().value())
                        .tag("feed.name", feed.feedName())
                        .description("feeds that failed in a bokit run")
                        .register(registry)
                        .increment();
            }
        }
    }

    static String result(SyncReport report) {
        if (report.errors() == 0) {
            return "ok";
        }
        return report.errors() == report.feeds().size() ? "failed" : "partial";
    }
}
