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
 * reason masked. Runs on Micronaut's blocking executor, never on the event loop.
 */
@Singleton
@Requires(property = BokitSettings.ENABLED, notEquals = StringUtils.FALSE)
public final class BokitHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    /** The name of the indicator in the health details. */
    public static final String NAME = "bokit";

    private final BokitHost host;

    BokitHealthIndicator(BokitHost host) {
        this.host = host;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        SyncHealth health = host.health();
        healthStatus = health.up() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("reason", health.reason());
    }

    @Override
    protected String getName() {
        return NAME;
    }
}
