package io.bokit.micronaut;

import io.bokit.core.application.SyncHealth;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The {@code bokit} health indicator, from {@link BokitHost#health()}: down when the sync is overdue,
 * the last run failed on every feed, a stored option is invalid or the store cannot be read; the
 * reason masked; {@link #DEGRADED} (operational) while double bookings are open, with their count. Runs on Micronaut's blocking executor, never on the event loop.
 */
@Singleton
@Requires(property = BokitSettings.ENABLED, notEquals = StringUtils.FALSE)
public final class BokitHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    /** The name of the indicator in the health details. */
    public static final String NAME = "bokit";

    /** The status while double bookings are open: operational (syncing works), but the host must act. */
    public static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "double bookings are open", true, null);

    private final BokitHost host;

    BokitHealthIndicator(BokitHost host) {
        this.host = host;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        SyncHealth health = host.health();
        healthStatus = switch (health.status()) {
            case UP -> HealthStatus.UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> HealthStatus.DOWN;
        };
        return Map.of("reason", health.reason(), "openDoubleBookings", health.openDoubleBookings());
    }

    /** Micronaut's status of a bokit health: UP, {@link #DEGRADED} or DOWN. */
    static HealthStatus status(SyncHealth health) {
        return switch (health.status()) {
            case UP -> HealthStatus.UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> HealthStatus.DOWN;
        };
    }

    @Override
    protected String getName() {
        return NAME;
    }
}
