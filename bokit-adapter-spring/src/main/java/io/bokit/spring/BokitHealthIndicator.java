package io.bokit.spring;

import io.bokit.core.application.SyncHealth;
import io.bokit.host.BokitHost;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * bokit's health, {@link BokitHost#health()}: down when the sync is overdue by more than two intervals
 * or the last run failed on every feed (the rule every bokit adapter shares), or when its store cannot
 * be read; the reason is masked.
 */
public class BokitHealthIndicator implements HealthIndicator {
    private final BokitHost host;

    /** A health indicator over a bokit host. */
    public BokitHealthIndicator(BokitHost host) {
        this.host = host;
    }

    @Override
    public Health health() {
        SyncHealth health = host.health();
        return (health.up() ? Health.up() : Health.down())
                .withDetail("reason", health.reason())
                .build();
    }
}
