package io.bokit.spring;

import io.bokit.host.micrometer.BokitObservations;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** bokit's Micrometer observations ({@link BokitObservations}), when the application has an {@link ObservationRegistry}. */
@AutoConfiguration(
        before = BokitAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, BokitObservations.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnProperty(prefix = BokitProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
public class BokitObservationAutoConfiguration {

    /** Installs the observations on the auto-configured host. */
    @Bean
    @ConditionalOnMissingBean(name = "bokitObservations")
    BokitHostCustomizer bokitObservations(ObservationRegistry registry) {
        return builder -> BokitObservations.install(builder, registry);
    }
}
