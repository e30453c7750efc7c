package io.bokit.spring;

import io.bokit.core.application.Bokit;

/**
 * Tweaks the {@link Bokit.Builder} before the auto-configuration builds bokit: declare beans of this
 * type to set a parser, a back-off or extra listeners. Customizers run in {@code @Order} order, after
 * the auto-configuration has set every port.
 */
@FunctionalInterface
public interface BokitCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder, with every port already set; not null
     */
    void customize(Bokit.Builder builder);
}
