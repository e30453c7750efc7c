package io.bokit.micronaut;

import io.bokit.host.BokitSettings;
import io.bokit.host.micrometer.BokitObservations;
import io.micrometer.observation.ObservationRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Installs bokit's Micrometer observations ({@link BokitObservations}) when the application has an {@link ObservationRegistry}. */
@Factory
@Requires(classes = ObservationRegistry.class)
@Requires(beans = ObservationRegistry.class)
@Requires(property = BokitSettings.ENABLED, notEquals = StringUtils.FALSE)
final class BokitObservationFactory {
    /** The customizer that {@link BokitFactory} applies to the host's builder. */
    @Singleton
    @Named("bokitObservations")
    BokitHostCustomizer bokitObservations(ObservationRegistry registry) {
        return builder -> BokitObservations.install(builder, registry);
    }
}
