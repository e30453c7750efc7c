package io.bokit.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the JDK HTTP client's own debug logger at INFO unless the application sets its level: that
 * logger writes every request's full URI — a feed's secret token included — at DEBUG, so a host
 * application that turns its root logger to DEBUG or TRACE would otherwise log feed tokens. The default
 * has the lowest precedence: {@code logging.level.jdk.internal.httpclient.debug=DEBUG} still wins.
 */
public final class BokitLoggingDefaults implements EnvironmentPostProcessor {
    static final String SOURCE = "bokitLoggingDefaults";
    static final String HTTP_CLIENT_DEBUG_LEVEL = "logging.level.jdk.internal.httpclient.debug";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(SOURCE, Map.of(HTTP_CLIENT_DEBUG_LEVEL, "INFO")));
        }
    }
}
