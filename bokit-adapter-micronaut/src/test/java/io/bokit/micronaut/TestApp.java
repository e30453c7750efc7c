package io.bokit.micronaut;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds application contexts for the tests: an H2 database of their own, bokit's properties. */
final class TestApp {
    private final Map<String, Object> properties = new HashMap<>();
    private final Map<String, Object> environmentVariables = new HashMap<>();
    private final java.util.List<Object> singletons = new java.util.ArrayList<>();

    private TestApp() {}

    /** A context with a fresh in-memory H2 DataSource. */
    static TestApp withDatabase() {
        return withDatabase("bokit-" + UUID.randomUUID());
    }

    /** A context over a named in-memory H2 database that outlives the context (several contexts share it). */
    static TestApp withDatabase(String name) {
        return new TestApp()
                .with("datasources.default.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                .with("datasources.default.username", "sa")
                .with("datasources.default.password", "")
                .with("datasources.default.driver-class-name", "org.h2.Driver");
    }

    /** A context without any DataSource. */
    static TestApp withoutDatabase() {
        return new TestApp();
    }

    TestApp with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /** A variable read as Micronaut reads the process's environment variables (the JVM's cannot be set). */
    TestApp withEnvironmentVariable(String name, String value) {
        environmentVariables.put(name, value);
        return this;
    }

    TestApp withBean(Object bean) {
        singletons.add(bean);
        return this;
    }

    /** A started context, to close with try-with-resources. */
    ApplicationContext run() {
        return ApplicationContext.builder()
                .propertySources(PropertySource.of(
                        "test-environment-variables",
                        environmentVariables,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .properties(properties)
                .singletons(singletons.toArray())
                .start();
    }
}
