package io.bokit.spring;

import io.bokit.host.BokitHost;

/**
 * Tweaks the {@link BokitHost.Builder} before the auto-configuration builds the host: declare beans of this type
 * to add fetcher or run decorators (bokit's own observation support is one). Customizers run in {@code @Order}
 * order, after the auto-configuration has set every port and before any {@link BokitCustomizer}.
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
