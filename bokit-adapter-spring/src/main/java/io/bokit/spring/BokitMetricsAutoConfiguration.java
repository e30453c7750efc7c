package io.bokit.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** bokit's Micrometer metrics, when the application has a {@link MeterRegistry}. */
@AutoConfiguration(
        before = BokitAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = BokitProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
public class BokitMetricsAutoConfiguration {

    /** The metrics listener; the auto-configured {@code Bokit} registers it like every SyncListener bean. */
    @Bean
    @ConditionalOnMissingBean
    BokitMetrics bokitMetrics(MeterRegistry registry) {
        return new BokitMetrics(registry);
    }
}
