package io.bokit.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps two loggers of other libraries below the level at which they print a feed's secret token, unless
 * the application sets their level: the PostgreSQL and MariaDB drivers ({@code org.postgresql}, which prints every bind
 * parameter, a newly added feed's URL included, at TRACE; {@code org.mariadb.jdbc}, which dumps every packet,
 * feed URLs read or written included, at TRACE) stay at DEBUG. So a host application that turns its root
 * logger to DEBUG or TRACE does not log feed tokens. The defaults have the lowest precedence:
 * {@code logging.level.org.postgresql=TRACE} still wins.
 */
public final class BokitLoggingDefaults implements EnvironmentPostProcessor {
    static final String SOURCE = "bokitLoggingDefaults";
    static final String POSTGRESQL_DRIVER_LEVEL = "logging.level.org.postgresql";
    static final String MARIADB_DRIVER_LEVEL = "logging.level.org.mariadb.jdbc";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            SOURCE, Map.of(POSTGRESQL_DRIVER_LEVEL, "DEBUG", MARIADB_DRIVER_LEVEL, "DEBUG")));
        }
    }
}
