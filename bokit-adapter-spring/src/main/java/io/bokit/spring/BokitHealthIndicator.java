package io.bokit.spring;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.SyncHealth;
import io.bokit.core.domain.Secrets;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * bokit's health: down when the sync is overdue by more than two intervals or the last run failed on
 * every feed (the rule every bokit adapter shares), or when its store cannot be read.
 */
public class BokitHealthIndicator implements HealthIndicator {
    private final Bokit bokit;

    /** A health indicator over an assembled bokit. */
    public BokitHealthIndicator(Bokit bokit) {
        this.bokit = bokit;
    }

    @Override
    public Health health() {
        try {
            SyncHealth health = bokit.health();
            Health.Builder builder = health.up() ? Health.up() : Health.down();
            return builder.withDetail("reason", Secrets.mask(health.reason())).build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("reason", Secrets.mask(e.toString()))
                    .build();
        }
    }
}
