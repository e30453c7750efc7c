package io.bokit.spring;

import io.bokit.core.application.Bokit;
import io.bokit.host.micrometer.BokitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** bokit's Micrometer metrics ({@link BokitMetrics}, the host's meters), when the application has a {@link MeterRegistry}. */
@AutoConfiguration(
        before = BokitAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass({MeterRegistry.class, BokitMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = BokitProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
public class BokitMetricsAutoConfiguration {

    /**
     * The metrics listener; the auto-configured host registers it like every SyncListener bean. Its gauge of open
     * double bookings reads them from bokit at the first scrape (the bean is asked for then, not now: bokit is built
     * after its listeners).
     */
    @Bean
    @ConditionalOnMissingBean
    BokitMetrics bokitMetrics(MeterRegistry registry, ObjectProvider<Bokit> bokit) {
        return new BokitMetrics(
                registry, () -> bokit.getObject().doubleBookings().open(null).size());
    }
}
