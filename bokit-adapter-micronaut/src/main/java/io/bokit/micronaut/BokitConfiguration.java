package io.bokit.micronaut;

import io.bokit.jdbc.InitializeMode;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * bokit's settings under {@code bokit.*}. The options that the original keeps in the database
 * ({@code sync.interval}, {@code install.complete}) stay in the database; the values here only seed
 * them at startup.
 */
@ConfigurationProperties(BokitConfiguration.PREFIX)
public interface BokitConfiguration {
    /** The prefix of every bokit property. */
    String PREFIX = "bokit";

    /** Whether bokit is on at all; {@code false} removes every bokit bean (default {@code true}). */
    @Bindable(defaultValue = "true")
    boolean isEnabled();

    /** How long a run holds its lease unless released: longer than any sane run (default 15 minutes). */
    @Bindable(defaultValue = "15m")
    Duration getLeaseDuration();

    /** How long the request hook trusts what it last read of options and state (default 60 seconds). */
    @Bindable(defaultValue = "60s")
    Duration getRefreshPeriod();

    /** How many channel hosts a run fetches at the same time, 1 to 64 (default 4). */
    @Bindable(defaultValue = "4")
    int getParallelHosts();

    /**
     * The {@code sync.interval} written at startup when the database holds none yet; never
     * overwrites a stored one. Empty leaves the option's own default (one hour).
     */
    Optional<Duration> getDefaultInterval();

    /**
     * The {@code install.complete} written at startup when the database holds none yet; never
     * overwrites a stored one. Empty leaves it unset (and automatic syncs off until it is true).
     */
    Optional<Boolean> getInstallComplete();

    /**
     * Whose clock claims use: the database's (true, the default), so nodes with skewed clocks agree,
     * or this process's.
     */
    @Bindable(defaultValue = "true")
    boolean isDbTime();

    /** The request trigger. */
    Trigger getTrigger();

    /** The pool that checks and runs syncs. */
    Executor getExecutor();

    /** The database schema. */
    Schema getSchema();

    /** How feeds are fetched. */
    Http getHttp();

    /** The trigger: which requests call the after-response hook. */
    @ConfigurationProperties("trigger")
    interface Trigger {
        /** Whether requests trigger syncs; {@code false} leaves only the endpoint and your code (default {@code true}). */
        @Bindable(defaultValue = "true")
        boolean isEnabled();

        /** Ant-style path patterns that never trigger a sync: management endpoints and static assets. */
        @Bindable(
                defaultValue = "/health/**,/bokit/**,/metrics/**,/info/**,/env/**,/loggers/**,/beans/**,/routes/**,"
                        + "/static/**,/assets/**,/webjars/**,/favicon.ico")
        List<String> getExcludedPaths();
    }

    /** bokit's own bounded pool: where the hook's check and the sync run, never on the event loop. */
    @ConfigurationProperties("executor")
    interface Executor {
        /** How many threads, 1 to 64 (default 2). */
        @Bindable(defaultValue = "2")
        int getThreads();

        /** How many tasks may wait, 1 to 10000 (default 8); more are refused and logged. */
        @Bindable(defaultValue = "8")
        int getQueueCapacity();

        /** How long closing the context waits for a running sync before interrupting it (default 30 seconds). */
        @Bindable(defaultValue = "30s")
        Duration getShutdownTimeout();
    }

    /** The schema: when the tables are created and what they are called. */
    @ConfigurationProperties("schema")
    interface Schema {
        /** When the tables are created or upgraded: {@code always}, {@code embedded} (H2 only, the default) or {@code never}. */
        @Bindable(defaultValue = "EMBEDDED")
        InitializeMode getInitialize();

        /** The prefix of every bokit table (default {@code bokit_}). */
        @Bindable(defaultValue = "bokit_")
        String getTablePrefix();
    }

    /** Fetching: timeouts, the body cap, the User-Agent and the SSRF guard's exceptions. */
    @ConfigurationProperties("http")
    interface Http {
        /** How long to wait for a connection (default 10 seconds). */
        @Bindable(defaultValue = "10s")
        Duration getConnectTimeout();

        /** How long one request may take, body included (default 30 seconds). */
        @Bindable(defaultValue = "30s")
        Duration getRequestTimeout();

        /** The largest feed body accepted, as a data size such as {@code 512KB} or {@code 16MB} (default {@code 10MB}). */
        @ReadableBytes
        @Bindable(defaultValue = "10MB")
        long getMaxBodySize();

        /** The {@code User-Agent} header; empty for bokit's own. */
        Optional<String> getUserAgent();

        /**
         * Address blocks in CIDR notation that the SSRF guard lets through although they are private
         * or loopback, e.g. {@code 10.1.2.0/24} for a channel manager inside your network (default none).
         */
        @Bindable(defaultValue = "")
        List<String> getAllowedPrivateAddresses();
    }
}
