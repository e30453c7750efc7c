package io.bokit.spring;

import io.bokit.host.BokitSettings;
import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.jdbc.InitializeMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * bokit's Spring Boot settings, under {@code bokit.*}. The options bokit keeps in its database
 * ({@code sync.interval}, {@code install.complete} …) are not here: they stay in the database, so
 * every node sees the same values and they can change while the application runs. The Micronaut
 * adapter reads the same properties. This class only binds them: {@link #toSettings()} hands them to
 * {@link BokitSettings}, which holds every default and checks every value.
 */
@ConfigurationProperties(BokitProperties.PREFIX)
public class BokitProperties {
    /** The prefix of every bokit property. */
    public static final String PREFIX = BokitSettings.PREFIX;

    /** Whether bokit is configured at all; false turns every bokit bean off. */
    private boolean enabled = true;

    /**
     * Whether the run's lease and claims use the database's clock, so nodes with skewed clocks agree;
     * false uses the application's clock (tests with a movable clock).
     */
    private boolean dbTime = BokitSettings.DEFAULT_DB_TIME;

    /**
     * How long a run's lease holds unless released: longer than any sane run, so runs never overlap,
     * short enough that a crashed run does not block the next one for long.
     */
    private Duration leaseDuration = BokitSettings.DEFAULT_LEASE_DURATION;

    /**
     * How long the request hook trusts what it last read of the options and the sync state; a change of
     * {@code sync.interval} made anywhere takes effect within this period.
     */
    private Duration refreshPeriod = BokitSettings.DEFAULT_REFRESH_PERIOD;

    /** How many channel hosts a run fetches at the same time (1 to 64); feeds of one host go one by one. */
    private int parallelHosts = BokitSettings.DEFAULT_PARALLEL_HOSTS;

    /**
     * The {@code sync.interval} (whole seconds) written to the database at startup when none is stored yet;
     * a stored value always wins. Unset by default: nothing is written, and the option's own default (one
     * hour) applies.
     */
    private Duration defaultInterval;

    /**
     * The {@code install.complete} (true or false) written to the database at startup when none is stored
     * yet; true lets automatic syncs start without an installer step. A stored value always wins. Unset by
     * default: nothing is written.
     */
    private Boolean installComplete;

    /** The request trigger. */
    private final Trigger trigger = new Trigger();

    /** The served exports. */
    private final Export export = new Export();

    /** The operator's page. */
    private final Dashboard dashboard = new Dashboard();

    /** The executor that checks and runs syncs off the request threads. */
    private final Executor executor = new Executor();

    /** bokit's tables. */
    private final Schema schema = new Schema();

    /** How bokit uses the application's database connections. */
    private final Database database = new Database();

    /** How feeds are fetched. */
    private final Http http = new Http();

    /**
     * Calendars, by calendar key, registered at startup with their feeds when missing (matched by calendar
     * key and feed id); what the database already has is never changed or duplicated. Each takes
     * {@code .name}, {@code .zone} and {@code .feeds.<feed-id>.url} / {@code .name}.
     */
    private Map<String, CalendarEntry> calendars = new LinkedHashMap<>();

    /**
     * These properties as bokit's settings, checked.
     *
     * @throws io.bokit.host.BokitConfigurationException naming the property of the first bad value
     */
    public BokitSettings toSettings() {
        BokitSettings.Builder settings = BokitSettings.builder()
                .dbTime(dbTime)
                .leaseDuration(leaseDuration)
                .refreshPeriod(refreshPeriod)
                .parallelHosts(parallelHosts)
                .defaultInterval(defaultInterval)
                .installComplete(installComplete)
                .triggerEnabled(trigger.isEnabled())
                .excludedPaths(trigger.getExcludedPaths())
                .additionalExcludedPaths(trigger.getAdditionalExcludedPaths())
                .exportEnabled(export.isEnabled())
                .exportPath(export.getPath())
                .dashboardEnabled(dashboard.isEnabled())
                .dashboardPath(dashboard.getPath())
                .dashboardRole(dashboard.getRole())
                .executorThreads(executor.getThreads())
                .executorQueueCapacity(executor.getQueueCapacity())
                .executorShutdownTimeout(executor.getShutdownTimeout())
                .executorVirtualThreads(executor.isVirtualThreads())
                .schemaInitialize(schema.getInitialize())
                .tablePrefix(schema.getTablePrefix())
                .databaseMaxConnections(database.getMaxConnections())
                .httpConnectTimeout(http.getConnectTimeout())
                .httpRequestTimeout(http.getRequestTimeout())
                .httpMaxBodyBytes(
                        http.getMaxBodySize() == null
                                ? null
                                : http.getMaxBodySize().toBytes())
                .httpUserAgent(http.getUserAgent())
                .allowedPrivateAddresses(http.getAllowedPrivateAddresses());
        calendars.forEach((key, calendar) -> {
            Map<String, FeedDeclaration> feeds = new LinkedHashMap<>();
            calendar.getFeeds()
                    .forEach((id, feed) -> feeds.put(id, new FeedDeclaration(feed.getUrl(), feed.getName())));
            settings.calendar(key, new CalendarDeclaration(calendar.getName(), calendar.getZone(), feeds));
        });
        return settings.build();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isDbTime() {
        return dbTime;
    }

    public void setDbTime(boolean dbTime) {
        this.dbTime = dbTime;
    }

    public Duration getLeaseDuration() {
        return leaseDuration;
    }

    public void setLeaseDuration(Duration leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public Duration getRefreshPeriod() {
        return refreshPeriod;
    }

    public void setRefreshPeriod(Duration refreshPeriod) {
        this.refreshPeriod = refreshPeriod;
    }

    public int getParallelHosts() {
        return parallelHosts;
    }

    public void setParallelHosts(int parallelHosts) {
        this.parallelHosts = parallelHosts;
    }

    public Duration getDefaultInterval() {
        return defaultInterval;
    }

    public void setDefaultInterval(Duration defaultInterval) {
        this.defaultInterval = defaultInterval;
    }

    public Boolean getInstallComplete() {
        return installComplete;
    }

    public void setInstallComplete(Boolean installComplete) {
        this.installComplete = installComplete;
    }

    public Trigger getTrigger() {
        return trigger;
    }

    public Export getExport() {
        return export;
    }

    public Executor getExecutor() {
        return executor;
    }

    public Schema getSchema() {
        return schema;
    }

    public Database getDatabase() {
        return database;
    }

    public Http getHttp() {
        return http;
    }

    public Map<String, CalendarEntry> getCalendars() {
        return calendars;
    }

    public void setCalendars(Map<String, CalendarEntry> calendars) {
        this.calendars = calendars;
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    /** The operator's page: off by default; requests to it never trigger a sync. */
    public static class Dashboard {
        /** Whether the operator's page is served; it then needs Spring Security or a DashboardGuard bean. */
        private boolean enabled = false;

        /** The path of the page, without the context path. */
        private String path = BokitSettings.DEFAULT_DASHBOARD_PATH;

        /** The role (without "ROLE_") an authenticated user needs to see the page, under Spring Security. */
        private String role = BokitSettings.DEFAULT_DASHBOARD_ROLE;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }
    }

    /** The exports served at {@code <path>/<token>.ics}; requests to them never trigger a sync. */
    public static class Export {
        /** Whether the exports are served over HTTP (a servlet in servlet applications, a web filter in WebFlux ones). */
        private boolean enabled = true;

        /** The path the exports are served under, without the context path. */
        private String path = BokitSettings.DEFAULT_EXPORT_PATH;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    /** The servlet filter that calls the request hook after each response. */
    public static class Trigger {
        /** Whether page requests trigger automatic syncs; false leaves only manual runs. */
        private boolean enabled = true;

        /**
         * Request paths (Ant-style patterns, without the context path) that never trigger a sync: by
         * default the management endpoints (Spring Boot's and Micronaut's), bokit's pages, error pages
         * and static assets ({@link BokitSettings#DEFAULT_EXCLUDED_PATHS}). Setting this replaces the
         * whole list; to add paths to it, use {@code additional-excluded-paths}.
         */
        private List<String> excludedPaths = new ArrayList<>(BokitSettings.DEFAULT_EXCLUDED_PATHS);

        /** More request paths (Ant-style patterns) that never trigger, added to the excluded paths. */
        private List<String> additionalExcludedPaths = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getExcludedPaths() {
            return excludedPaths;
        }

        public void setExcludedPaths(List<String> excludedPaths) {
            this.excludedPaths = excludedPaths;
        }

        public List<String> getAdditionalExcludedPaths() {
            return additionalExcludedPaths;
        }

        public void setAdditionalExcludedPaths(List<String> additionalExcludedPaths) {
            this.additionalExcludedPaths = additionalExcludedPaths;
        }
    }

    /** The bounded executor that checks and runs syncs off the request threads. */
    public static class Executor {
        /** How many threads check and run syncs ("bokit-sync-N"); idle threads end after a minute. */
        private int threads = BokitSettings.DEFAULT_EXECUTOR_THREADS;

        /** How many tasks may wait for a thread; more are refused and logged, never run on a request thread. */
        private int queueCapacity = BokitSettings.DEFAULT_EXECUTOR_QUEUE_CAPACITY;

        /** How long shutdown waits for a running sync before interrupting it. */
        private Duration shutdownTimeout = BokitSettings.DEFAULT_EXECUTOR_SHUTDOWN_TIMEOUT;

        /** Whether the executor's threads are virtual threads (Java 21 or later; refused at startup on Java 17). */
        private boolean virtualThreads = false;

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public boolean isVirtualThreads() {
            return virtualThreads;
        }

        public void setVirtualThreads(boolean virtualThreads) {
            this.virtualThreads = virtualThreads;
        }
    }

    /** bokit's tables in the application's database. */
    public static class Schema {
        /**
         * When bokit creates or upgrades its tables: always, embedded (only on an embedded database such as
         * H2) or never (you run the scripts, e.g. with Flyway).
         */
        private InitializeMode initialize = BokitSettings.DEFAULT_SCHEMA_INITIALIZE;

        /** The prefix of bokit's table names. */
        private String tablePrefix = BokitSettings.DEFAULT_TABLE_PREFIX;

        public InitializeMode getInitialize() {
            return initialize;
        }

        public void setInitialize(InitializeMode initialize) {
            this.initialize = initialize;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }
    }

    /** How bokit uses the application's database connections. */
    public static class Database {
        /**
         * How many of the application's connections bokit holds at most at once (1 to 64); a sync waits
         * for one of them rather than taking more. Keep it well below the pool's size.
         */
        private int maxConnections = BokitSettings.DEFAULT_DATABASE_MAX_CONNECTIONS;

        public int getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }
    }

    /** How feeds are fetched over HTTP. */
    public static class Http {
        /** How long to wait for a TCP/TLS connection to a channel. */
        private Duration connectTimeout = BokitSettings.DEFAULT_HTTP_CONNECT_TIMEOUT;

        /** How long one HTTP request (each redirect hop, body included) may take. */
        private Duration requestTimeout = BokitSettings.DEFAULT_HTTP_REQUEST_TIMEOUT;

        /** The largest feed body accepted, on the wire and after decompression. */
        private DataSize maxBodySize = DataSize.ofBytes(BokitSettings.DEFAULT_HTTP_MAX_BODY_BYTES);

        /** The User-Agent header sent to channels; empty for bokit's own ("bokit/VERSION (+…)"). */
        private String userAgent;

        /**
         * Loopback or private addresses (CIDR, e.g. 10.1.2.0/24) that the SSRF guard lets feeds reach: a
         * channel manager inside your network, or a local demo. Empty by default: feeds reach only public
         * addresses.
         */
        private List<String> allowedPrivateAddresses = new ArrayList<>();

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public String getUserAgent() {
            return userAgent;
        }

        public void setUserAgent(String userAgent) {
            this.userAgent = userAgent;
        }

        public List<String> getAllowedPrivateAddresses() {
            return allowedPrivateAddresses;
        }

        public void setAllowedPrivateAddresses(List<String> allowedPrivateAddresses) {
            this.allowedPrivateAddresses = allowedPrivateAddresses;
        }
    }

    /** A calendar to register at startup, under {@code bokit.calendars.<key>}. */
    public static class CalendarEntry {
        /** Its display name; empty for the calendar's key. */
        private String name;

        /** Its time zone, e.g. Europe/Paris; empty for the "timezone" option. */
        private String zone;

        /** Its feeds, by feed id, e.g. {@code feeds.seaview-airbnb.url}. */
        private Map<String, FeedEntry> feeds = new LinkedHashMap<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getZone() {
            return zone;
        }

        public void setZone(String zone) {
            this.zone = zone;
        }

        public Map<String, FeedEntry> getFeeds() {
            return feeds;
        }

        public void setFeeds(Map<String, FeedEntry> feeds) {
            this.feeds = feeds;
        }
    }

    /**
     * A feed to register at startup, under {@code bokit.calendars.<key>.feeds.<feed-id>}. Its URL is a
     * secret: bokit logs it masked only.
     */
    public static class FeedEntry {
        /** The feed's URL (the channel's iCal export link); required. */
        private String url;

        /** The display name; empty for the feed's id. */
        private String name;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
