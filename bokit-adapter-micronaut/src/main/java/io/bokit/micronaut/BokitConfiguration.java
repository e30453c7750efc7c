package io.bokit.micronaut;

import io.bokit.host.BokitSettings;
import io.bokit.jdbc.InitializeMode;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * bokit's settings under {@code bokit.*}, as Micronaut binds them: every value is empty when not set,
 * and {@link BokitSettings} (where every default and every check lives, the same for every host)
 * fills it in. The calendars and their feeds ({@code bokit.calendars.<key>.name}, {@code .zone},
 * {@code .feeds.<feed-id>.url}, {@code .feeds.<feed-id>.name}) are not bound here: the factory reads
 * them from the environment as sub-maps, so no feed URL (a secret) is ever injected into a bean.
 */
@ConfigurationProperties(BokitSettings.PREFIX)
public interface BokitConfiguration {
    /** The prefix of every bokit property. */
    String PREFIX = BokitSettings.PREFIX;

    /** Whether bokit is on at all; {@code false} removes every bokit bean (default {@code true}). */
    Optional<Boolean> getEnabled();

    /** How long a run holds its lease unless released (default 15 minutes). */
    Optional<Duration> getLeaseDuration();

    /** How long the request hook trusts what it last read of options and state (default 60 seconds). */
    Optional<Duration> getRefreshPeriod();

    /** How many channel hosts a run fetches at the same time, 1 to 64 (default 4). */
    Optional<Integer> getParallelHosts();

    /** The {@code sync.interval} (whole seconds) stored at startup when the database holds none yet. */
    Optional<Duration> getDefaultInterval();

    /** The {@code install.complete} stored at startup when the database holds none yet. */
    Optional<Boolean> getInstallComplete();

    /** Whether claims use the database's clock (default {@code true}) or this process's. */
    Optional<Boolean> getDbTime();

    /** The request trigger. */
    Trigger getTrigger();

    /** The served exports. */
    Export getExport();

    /** The operator's page. */
    Dashboard getDashboard();

    /** The pool that checks and runs syncs. */
    Executor getExecutor();

    /** The database schema. */
    Schema getSchema();

    /** How bokit uses the host's database connections. */
    Database getDatabase();

    /** How feeds are fetched. */
    Http getHttp();

    /** The trigger: which requests call the after-response hook. */
    /** The exports served at {@code <path>/<token>.ics}; requests to them never trigger a sync. */
    @ConfigurationProperties("export")
    interface Export {
        /** Whether the exports are served over HTTP (default {@code true}); {@code false} removes the controller. */
        Optional<Boolean> getEnabled();

        /** The path the exports are served under (default {@link BokitSettings#DEFAULT_EXPORT_PATH}). */
        Optional<String> getPath();
    }

    /** The operator's page: off by default; it then needs a {@code DashboardGuard} bean. */
    @ConfigurationProperties("dashboard")
    interface Dashboard {
        /** Whether the page is served (default {@code false}); {@code true} refuses to start without a guard bean. */
        Optional<Boolean> getEnabled();

        /** The page's path (default {@link BokitSettings#DEFAULT_DASHBOARD_PATH}). */
        Optional<String> getPath();

        /** The role an operator needs, for a guard that asks for one (default {@link BokitSettings#DEFAULT_DASHBOARD_ROLE}). */
        Optional<String> getRole();
    }

    @ConfigurationProperties("trigger")
    interface Trigger {
        /** Whether requests trigger syncs (default {@code true}); {@code false} removes the filter. */
        Optional<Boolean> getEnabled();

        /** Ant-style path patterns that never trigger a sync (default {@link BokitSettings#DEFAULT_EXCLUDED_PATHS}). */
        Optional<List<String>> getExcludedPaths();

        /** More Ant-style path patterns that never trigger, added to the excluded paths (default none). */
        Optional<List<String>> getAdditionalExcludedPaths();
    }

    /** bokit's own bounded pool: where the hook's check and the sync run, never on the event loop. */
    @ConfigurationProperties("executor")
    interface Executor {
        /** How many threads, 1 to 64 (default 2). */
        Optional<Integer> getThreads();

        /** How many tasks may wait, 1 to 10000 (default 8). */
        Optional<Integer> getQueueCapacity();

        /** How long closing the context waits for a running sync before interrupting it (default 30 seconds). */
        Optional<Duration> getShutdownTimeout();

        /** Whether the threads are virtual threads (Java 21 or later; refused at startup on Java 17; default false). */
        Optional<Boolean> getVirtualThreads();
    }

    /** The schema: when the tables are created and what they are called. */
    @ConfigurationProperties("schema")
    interface Schema {
        /** {@code always}, {@code embedded} (H2 only, the default) or {@code never}. */
        Optional<InitializeMode> getInitialize();

        /** The prefix of every bokit table (default {@code bokit_}). */
        Optional<String> getTablePrefix();
    }

    /** The host's connections: how many bokit holds at once. */
    @ConfigurationProperties("database")
    interface Database {
        /** How many of the host's connections bokit holds at most at once, 1 to 64 (default 2). */
        Optional<Integer> getMaxConnections();
    }

    /** Fetching: timeouts, the body cap, the User-Agent and the SSRF guard's exceptions. */
    @ConfigurationProperties("http")
    interface Http {
        /** How long to wait for a connection (default 10 seconds). */
        Optional<Duration> getConnectTimeout();

        /** How long one request may take, body included (default 30 seconds). */
        Optional<Duration> getRequestTimeout();

        /** The largest feed body accepted, as a data size such as {@code 512KB} (default {@code 10MB}). */
        @ReadableBytes
        Optional<Long> getMaxBodySize();

        /** The {@code User-Agent} header; empty for bokit's own. */
        Optional<String> getUserAgent();

        /** CIDR blocks the SSRF guard lets through although they are private or loopback (default none). */
        Optional<List<String>> getAllowedPrivateAddresses();
    }
}
