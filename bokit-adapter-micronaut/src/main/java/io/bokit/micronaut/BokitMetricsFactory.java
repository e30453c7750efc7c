package io.bokit.micronaut;

import io.bokit.host.BokitSettings;
import io.bokit.host.micrometer.BokitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;

/** Records bokit's Micrometer meters ({@link BokitMetrics}) when the application has a {@link MeterRegistry}. */
@Factory
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
@Requires(property = BokitSettings.ENABLED, notEquals = StringUtils.FALSE)
final class BokitMetricsFactory {
    /** The host's metrics listener, which {@link BokitFactory} hands to bokit with every other listener. */
    @Singleton
    BokitMetrics bokitMetrics(MeterRegistry registry) {
        return new BokitMetrics(registry);
    }
}
