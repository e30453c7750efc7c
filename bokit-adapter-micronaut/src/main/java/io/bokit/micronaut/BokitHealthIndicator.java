package io.bokit.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.SyncHealth;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The {@code bokit} health indicator, by the rule every adapter shares ({@link SyncHealth}): down
 * when the sync is overdue by more than two intervals or the last run failed on every feed. Reads
 * the store on Micronaut's blocking executor, never on the event loop.
 */
@Singleton
@Requires(property = BokitConfiguration.PREFIX + ".enabled", notEquals = StringUtils.FALSE)
public final class BokitHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    /** The name of the indicator in the health details. */
    public static final String NAME = "bokit";

    private final Bokit bokit;

    BokitHealthIndicator(Bokit bokit) {
        this.bokit = bokit;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        SyncHealth health = bokit.health();
        healthStatus = health.up() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("reason", health.reason());
    }

    @Override
    protected String getName() {
        return NAME;
    }
}
