package io.bokit.spring;

/** Startup failure: bokit is enabled but the application has no (unique) {@code DataSource}. */
public final class MissingDataSourceException extends IllegalStateException {

    /** The description of what is missing. */
    static final String DESCRIPTION =
            "bokit needs a javax.sql.DataSource to store its options, sync state, feeds and bookings, "
                    + "but the application context has none (or several without a @Primary one).";

    /** What to do about it. */
    static final String ACTION = "Add spring-boot-starter-jdbc and a JDBC driver (for example com.h2database:h2 "
            + "or org.postgresql:postgresql) and set spring.datasource.url, or mark one DataSource bean "
            + "@Primary; or set bokit.enabled=false to turn bokit off.";

    MissingDataSourceException() {
        super(DESCRIPTION + " " + ACTION);
    }
}
