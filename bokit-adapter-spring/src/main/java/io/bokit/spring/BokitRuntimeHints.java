package io.bokit.spring;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a GraalVM native image of an application with bokit needs beyond what Spring's AOT finds itself: the
 * JDBC schema scripts ({@code io/bokit/jdbc/schema/<database>/V<n>__bokit.sql}), which {@code bokit-jdbc} loads
 * as resources. bokit reflects on nothing else of its own; ical4j ships its own native-image configuration, and
 * {@link BokitProperties}, the endpoint and the beans are covered by Spring's AOT processing. Registered by
 * {@link BokitAutoConfiguration}'s {@code @ImportRuntimeHints}.
 */
public final class BokitRuntimeHints implements RuntimeHintsRegistrar {
    /** The pattern of the schema scripts in {@code bokit-jdbc}. */
    public static final String SCHEMA_SCRIPTS = "io/bokit/jdbc/schema/*/*.sql";

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.resources().registerPattern(SCHEMA_SCRIPTS);
    }
}
