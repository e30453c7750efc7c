package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL and MariaDB drivers print feed URLs (a feed's token included) at TRACE: the adapter keeps them at
 * DEBUG when the host application turns its root logger down, unless the application sets their level itself.
 */
class BokitLoggingDefaultsTest {
    private static final String POSTGRESQL = "org.postgresql";
    private static final String MARIADB = "org.mariadb.jdbc";
    private static final List<String> LOGGERS = List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "io.bokit");

    private final Map<String, Level> levels =
            Map.of(LOGGERS.get(0), level(LOGGERS.get(0)), LOGGERS.get(1), level(LOGGERS.get(1)));

    @AfterEach
    void restoreLevels() {
        levels.forEach((name, level) -> logger(name).setLevel(level));
        logger(POSTGRESQL).setLevel(null);
        logger(MARIADB).setLevel(null);
    }

    @Test
    void addsItsDefaultsBehindEverythingElse() {
        try (ConfigurableApplicationContext app = run("logging.level.root=TRACE")) {
            assertThat(logger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.TRACE);
            assertThat(app.getEnvironment().getPropertySources().contains(BokitLoggingDefaults.SOURCE))
                    .isTrue();
        }
    }

    @Test
    void keepsThePostgresqlDriverBelowTraceWhereItPrintsBindParameters() {
        try (ConfigurableApplicationContext app = run("logging.level.root=TRACE")) {
            assertThat(logger(POSTGRESQL).getEffectiveLevel()).isEqualTo(Level.DEBUG);
        }
        try (ConfigurableApplicationContext app =
                run("logging.level.root=TRACE", "logging.level.org.postgresql=TRACE")) {
            assertThat(logger(POSTGRESQL).getEffectiveLevel()).isEqualTo(Level.TRACE);
        }
    }

    @Test
    void keepsTheMariaDbDriverBelowTraceWhereItDumpsEveryPacket() {
        try (ConfigurableApplicationContext app = run("logging.level.root=TRACE")) {
            assertThat(logger(MARIADB).getEffectiveLevel()).isEqualTo(Level.DEBUG);
        }
        try (ConfigurableApplicationContext app =
                run("logging.level.root=TRACE", "logging.level.org.mariadb.jdbc=TRACE")) {
            assertThat(logger(MARIADB).getEffectiveLevel()).isEqualTo(Level.TRACE);
        }
    }

    private static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(EmptyApp.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(properties)
                .run();
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }

    private static Level level(String name) {
        return logger(name).getLevel();
    }

    /** An application without beans: only the environment and the logging system matter here. */
    @SpringBootConfiguration
    static class EmptyApp {}
}
