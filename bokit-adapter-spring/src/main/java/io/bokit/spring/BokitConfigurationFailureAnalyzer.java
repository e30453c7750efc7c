package io.bokit.spring;

import io.bokit.host.BokitConfigurationException;
import io.bokit.host.BokitHost;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link BokitConfigurationException} into Spring Boot's startup report: the host's message
 * (which names the bad property) as the description, and what to change as the action; a missing
 * {@code DataSource} gets the Spring way to add one.
 */
public final class BokitConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BokitConfigurationException> {

    /** The description when the application has no usable DataSource. */
    static final String NO_DATA_SOURCE_DESCRIPTION =
            "bokit needs a javax.sql.DataSource to store its options, sync state, feeds and bookings, "
                    + "but the application context has none (or several without a @Primary one).";

    /** What to do about a missing DataSource. */
    static final String NO_DATA_SOURCE_ACTION =
            "Add spring-boot-starter-jdbc and a JDBC driver (for example com.h2database:h2 "
                    + "or org.postgresql:postgresql) and set spring.datasource.url, or mark one DataSource bean "
                    + "@Primary; or set bokit.enabled=false to turn bokit off.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BokitConfigurationException cause) {
        if (BokitHost.NO_DATA_SOURCE.equals(cause.getMessage())) {
            return new FailureAnalysis(NO_DATA_SOURCE_DESCRIPTION, NO_DATA_SOURCE_ACTION, cause);
        }
        String action = cause.property() == null
                ? "Correct bokit's configuration, or set bokit.enabled=false to turn bokit off."
                : "Correct " + cause.property() + " in the application's configuration (application.properties or "
                        + "YAML, the environment, the command line), or remove it to take bokit's default.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
