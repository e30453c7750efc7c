package io.bokit.spring;

import io.bokit.core.application.SyncHealth;
import io.bokit.host.BokitHost;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * bokit's health, {@link BokitHost#health()}: down when the sync is overdue by more than two intervals
 * or the last run failed on every feed (the rule every bokit adapter shares), or when its store cannot
 * be read; {@link #DEGRADED} while double bookings are open (with their count); the reason is masked.
 */
public class BokitHealthIndicator implements HealthIndicator {
    /**
     * The status while double bookings are open: syncing works, the host must act. Add it to
     * {@code management.endpoint.health.status.order} (e.g. {@code DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN}) to rank it.
     */
    public static final Status DEGRADED = new Status("DEGRADED");

    private final BokitHost host;

    /** A health indicator over a bokit host. */
    public BokitHealthIndicator(BokitHost host) {
        this.host = host;
    }

    @Override
    public Health health() {
        SyncHealth health = host.health();
        Status status =
                switch (health.status()) {
                    case UP -> Status.UP;
                    case DEGRADED -> DEGRADED;
                    case DOWN -> Status.DOWN;
                };
        return Health.status(status)
                .withDetail("reason", health.reason())
                .withDetail("openDoubleBookings", health.openDoubleBookings())
                .build();
    }
}
