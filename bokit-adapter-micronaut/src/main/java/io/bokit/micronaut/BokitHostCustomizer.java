package io.bokit.micronaut;

import io.bokit.host.BokitHost;

/**
 * Tweaks the {@link BokitHost.Builder} before the factory builds the host: declare beans of this type to add
 * fetcher or run decorators (bokit's own observation support is one). They run after every port is set.
 */
@FunctionalInterface
public interface BokitHostCustomizer {

    /**
     * Adjusts the host's builder.
     *
     * @param builder the builder, with every port already set; not null
     */
    void customize(BokitHost.Builder builder);
}
