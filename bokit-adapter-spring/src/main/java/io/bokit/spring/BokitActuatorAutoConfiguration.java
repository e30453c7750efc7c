package io.bokit.spring;

import io.bokit.host.BokitHost;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * bokit's actuator parts, each present only when the application has the matching actuator module:
 * the {@code bokit} health indicator and the {@code bokit} endpoint.
 */
@AutoConfiguration(after = BokitAutoConfiguration.class)
@ConditionalOnBean(BokitHost.class)
public class BokitActuatorAutoConfiguration {

    /** The {@code bokit} health indicator, with {@code spring-boot-health} on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
    static class HealthConfiguration {

        /** Nested so that the class condition above is checked before this condition's class is loaded. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnEnabledHealthIndicator("bokit")
        static class Enabled {

            @Bean
            @ConditionalOnMissingBean(name = "bokitHealthIndicator")
            BokitHealthIndicator bokitHealthIndicator(BokitHost host) {
                return new BokitHealthIndicator(host);
            }
        }
    }

    /** The {@code bokit} endpoint, with {@code spring-boot-actuator-autoconfigure} on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
    static class EndpointConfiguration {

        /** Nested so that the class condition above is checked before this condition's class is loaded. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnAvailableEndpoint(BokitEndpoint.class)
        static class Available {

            @Bean
            @ConditionalOnMissingBean
            BokitEndpoint bokitEndpoint(BokitHost host) {
                return new BokitEndpoint(host);
            }
        }
    }
}
