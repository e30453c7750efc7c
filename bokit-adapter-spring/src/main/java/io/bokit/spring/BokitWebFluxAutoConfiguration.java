package io.bokit.spring;

import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import reactor.core.scheduler.Schedulers;

/**
 * bokit's trigger in a Spring WebFlux application: a {@link BokitWebFilter} over the application's
 * {@link BokitHost}, registered only when the web stack is reactive and a {@code BokitHost} bean exists.
 * {@code bokit.trigger.enabled=false} leaves it out; an application's own {@code BokitWebFilter} bean wins. It also
 * serves the exports (unless {@code bokit.export.enabled=false}) and, with {@code bokit.dashboard.enabled=true}, the
 * operator's page.
 */
@AutoConfiguration(after = BokitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(Schedulers.class)
@ConditionalOnBean(BokitHost.class)
public class BokitWebFluxAutoConfiguration {

    /** The after-response filter, triggering on {@code boundedElastic}, never on the event loop. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(
            prefix = BokitSettings.PREFIX,
            name = "trigger.enabled",
            havingValue = "true",
            matchIfMissing = true)
    BokitWebFilter bokitWebFilter(BokitHost host) {
        return new BokitWebFilter(host.trigger());
    }

    /** The exports at {@code <bokit.export.path>/<token>.ics}, answered on {@code boundedElastic}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(
            prefix = BokitSettings.PREFIX,
            name = "export.enabled",
            havingValue = "true",
            matchIfMissing = true)
    BokitExportWebFilter bokitExportWebFilter(BokitHost host) {
        return new BokitExportWebFilter(host.exports());
    }

    /** The operator's page ({@code bokit.dashboard.enabled=true}), answered on {@code boundedElastic}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = BokitSettings.PREFIX, name = "dashboard.enabled", havingValue = "true")
    BokitDashboardWebFilter bokitDashboardWebFilter(BokitHost host) {
        return new BokitDashboardWebFilter(host.dashboard().orElseThrow());
    }
}
