package io.bokit.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.host.BokitSettings;
import io.bokit.host.micrometer.BokitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
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
    /**
     * The host's metrics listener, which {@link BokitFactory} hands to bokit with every other listener. Its gauge of
     * open double bookings reads them from bokit at the first scrape (asked for then: bokit is built after its
     * listeners).
     */
    @Singleton
    BokitMetrics bokitMetrics(MeterRegistry registry, BeanProvider<Bokit> bokit) {
        return new BokitMetrics(
                registry, () -> bokit.get().doubleBookings().open(null).size());
    }
}
