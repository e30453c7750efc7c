package io.bokit.host;

import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.BokitException;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.OptionKey;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.jdbc.InitializeMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Every {@code bokit.*} setting of a host, with its default and its validation, in one place: the
 * Spring and Micronaut adapters, the Servlet filter and the CLI map their own configuration onto this
 * builder, so the same values give the same result and the same error message everywhere. A value
 * left unset (null) takes its default; {@link Builder#build()} checks everything at once and names
 * the property of the first bad value.
 */
public final class BokitSettings {
    /** The prefix of every property. */
    public static final String PREFIX = "bokit";

    /** {@code bokit.enabled}: whether bokit is on at all. */
    public static final String ENABLED = "bokit.enabled";
    /** {@code bokit.db-time}: whether claims use the database's clock. */
    public static final String DB_TIME = "bokit.db-time";
    /** {@code bokit.lease-duration}: how long a run's lease holds. */
    public static final String LEASE_DURATION = "bokit.lease-duration";
    /** {@code bokit.refresh-period}: how long the request hook trusts what it read. */
    public static final String REFRESH_PERIOD = "bokit.refresh-period";
    /** {@code bokit.parallel-hosts}: how many channel hosts a run fetches at once. */
    public static final String PARALLEL_HOSTS = "bokit.parallel-hosts";
    /** {@code bokit.default-interval}: the {@code sync.interval} stored at startup when none is. */
    public static final String DEFAULT_INTERVAL = "bokit.default-interval";
    /** {@code bokit.install-complete}: the {@code install.complete} stored at startup when none is. */
    public static final String INSTALL_COMPLETE = "bokit.install-complete";
    /** {@code bokit.trigger.enabled}: whether requests trigger syncs. */
    public static final String TRIGGER_ENABLED = "bokit.trigger.enabled";
    /** {@code bokit.trigger.excluded-paths}: paths that never trigger. */
    public static final String TRIGGER_EXCLUDED_PATHS = "bokit.trigger.excluded-paths";
    /** {@code bokit.trigger.additional-excluded-paths}: more paths that never trigger, beside the excluded ones. */
    public static final String TRIGGER_ADDITIONAL_EXCLUDED_PATHS = "bokit.trigger.additional-excluded-paths";
    /** {@code bokit.export.enabled}: whether the exports are served over HTTP. */
    public static final String EXPORT_ENABLED = "bokit.export.enabled";
    /** {@code bokit.export.path}: the path under which the exports are served, {@code <path>/<token>.ics}. */
    public static final String EXPORT_PATH = "bokit.export.path";
    /** {@code bokit.dashboard.enabled}: whether the operator's page is served (off by default). */
    public static final String DASHBOARD_ENABLED = "bokit.dashboard.enabled";
    /** {@code bokit.dashboard.path}: the path of the operator's page. */
    public static final String DASHBOARD_PATH = "bokit.dashboard.path";
    /** {@code bokit.dashboard.role}: the role an operator needs, where the framework's security knows roles. */
    public static final String DASHBOARD_ROLE = "bokit.dashboard.role";
    /** {@code bokit.executor.threads}. */
    public static final String EXECUTOR_THREADS = "bokit.executor.threads";
    /** {@code bokit.executor.queue-capacity}. */
    public static final String EXECUTOR_QUEUE_CAPACITY = "bokit.executor.queue-capacity";
    /** {@code bokit.executor.shutdown-timeout}. */
    public static final String EXECUTOR_SHUTDOWN_TIMEOUT = "bokit.executor.shutdown-timeout";
    /** {@code bokit.executor.virtual-threads}: whether bokit's executor runs on virtual threads (Java 21 or later). */
    public static final String EXECUTOR_VIRTUAL_THREADS = "bokit.executor.virtual-threads";
    /** {@code bokit.schema.initialize}. */
    public static final String SCHEMA_INITIALIZE = "bokit.schema.initialize";
    /** {@code bokit.schema.table-prefix}. */
    public static final String SCHEMA_TABLE_PREFIX = "bokit.schema.table-prefix";
    /** {@code bokit.database.max-connections}: how many of the host's connections bokit holds at most at once. */
    public static final String DATABASE_MAX_CONNECTIONS = "bokit.database.max-connections";
    /** {@code bokit.http.connect-timeout}. */
    public static final String HTTP_CONNECT_TIMEOUT = "bokit.http.connect-timeout";
    /** {@code bokit.http.request-timeout}. */
    public static final String HTTP_REQUEST_TIMEOUT = "bokit.http.request-timeout";
    /** {@code bokit.http.max-body-size}. */
    public static final String HTTP_MAX_BODY_SIZE = "bokit.http.max-body-size";
    /** {@code bokit.http.user-agent}. */
    public static final String HTTP_USER_AGENT = "bokit.http.user-agent";
    /** {@code bokit.http.allowed-private-addresses}. */
    public static final String HTTP_ALLOWED_PRIVATE_ADDRESSES = "bokit.http.allowed-private-addresses";
    /** {@code bokit.calendars}: the declared calendars and their feeds. */
    public static final String CALENDARS = "bokit.calendars";

    /** Default of {@value #DB_TIME}: true. */
    public static final boolean DEFAULT_DB_TIME = true;
    /** Default of {@value #LEASE_DURATION}: 15 minutes. */
    public static final Duration DEFAULT_LEASE_DURATION = RunSettings.DEFAULT_LEASE;
    /** Default of {@value #REFRESH_PERIOD}: 60 seconds. */
    public static final Duration DEFAULT_REFRESH_PERIOD = RunSettings.DEFAULT_REFRESH;
    /** Default of {@value #PARALLEL_HOSTS}: 4. */
    public static final int DEFAULT_PARALLEL_HOSTS = RunSettings.DEFAULT_PARALLEL_HOSTS;
    /** Default of {@value #EXECUTOR_THREADS}: 2. */
    public static final int DEFAULT_EXECUTOR_THREADS = 2;
    /** Default of {@value #EXECUTOR_QUEUE_CAPACITY}: 8. */
    public static final int DEFAULT_EXECUTOR_QUEUE_CAPACITY = 8;
    /** Default of {@value #EXECUTOR_SHUTDOWN_TIMEOUT}: 30 seconds. */
    public static final Duration DEFAULT_EXECUTOR_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    /** Default of {@value #SCHEMA_INITIALIZE}: embedded databases only. */
    public static final InitializeMode DEFAULT_SCHEMA_INITIALIZE = InitializeMode.EMBEDDED;
    /** Default of {@value #SCHEMA_TABLE_PREFIX}: {@code bokit_}. */
    public static final String DEFAULT_TABLE_PREFIX = "bokit_";
    /** Default of {@value #DATABASE_MAX_CONNECTIONS}: 2. */
    public static final int DEFAULT_DATABASE_MAX_CONNECTIONS = BokitJdbc.DEFAULT_MAX_CONNECTIONS;
    /** Default of {@value #HTTP_CONNECT_TIMEOUT}: 10 seconds. */
    public static final Duration DEFAULT_HTTP_CONNECT_TIMEOUT = HttpFetchSettings.DEFAULT_CONNECT_TIMEOUT;
    /** Default of {@value #HTTP_REQUEST_TIMEOUT}: 30 seconds. */
    public static final Duration DEFAULT_HTTP_REQUEST_TIMEOUT = HttpFetchSettings.DEFAULT_REQUEST_TIMEOUT;
    /** Default of {@value #EXPORT_PATH}. */
    public static final String DEFAULT_EXPORT_PATH = "/bokit/ical";
    /** Default of {@value #DASHBOARD_PATH}. */
    public static final String DEFAULT_DASHBOARD_PATH = "/bokit";
    /** Default of {@value #DASHBOARD_ROLE}: {@code BOKIT_ADMIN} (Spring Security's authority {@code ROLE_BOKIT_ADMIN}). */
    public static final String DEFAULT_DASHBOARD_ROLE = "BOKIT_ADMIN";
    /** Default of {@value #HTTP_MAX_BODY_SIZE}: 10 MiB. */
    public static final long DEFAULT_HTTP_MAX_BODY_BYTES = HttpFetchSettings.DEFAULT_MAX_BODY_BYTES;

    /**
     * Default of {@value #TRIGGER_EXCLUDED_PATHS}: the management endpoints of Spring Boot and Micronaut,
     * bokit's own pages, error pages and static assets, the same in every host.
     */
    public static final List<String> DEFAULT_EXCLUDED_PATHS = List.of(
            "/actuator/**",
            "/health/**",
            "/metrics/**",
            "/info/**",
            "/env/**",
            "/loggers/**",
            "/beans/**",
            "/routes/**",
            "/bokit/**",
            "/static/**",
            "/assets/**",
            "/webjars/**",
            "/error",
            "/favicon.ico",
            "/**/*.css",
            "/**/*.js",
            "/**/*.map",
            "/**/*.png",
            "/**/*.jpg",
            "/**/*.jpeg",
            "/**/*.gif",
            "/**/*.svg",
            "/**/*.ico",
            "/**/*.webp",
            "/**/*.woff",
            "/**/*.woff2");

    private static final java.util.regex.Pattern EXPORT_PATH_FORMAT =
            java.util.regex.Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final java.util.regex.Pattern ROLE_FORMAT = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final boolean dbTime;
    private final RunSettings run;
    private final String defaultInterval;
    private final Boolean installComplete;
    private final boolean triggerEnabled;
    private final PathPatterns excludedPaths;
    private final boolean exportEnabled;
    private final String exportPath;
    private final boolean dashboardEnabled;
    private final String dashboardPath;
    private final String dashboardRole;
    private final int executorThreads;
    private final int executorQueueCapacity;
    private final Duration executorShutdownTimeout;
    private final boolean executorVirtualThreads;
    private final InitializeMode schemaInitialize;
    private final String tablePrefix;
    private final int databaseMaxConnections;
    private final Duration httpConnectTimeout;
    private final Duration httpRequestTimeout;
    private final long httpMaxBodyBytes;
    private final String httpUserAgent;
    private final List<String> allowedPrivateAddresses;
    private final List<AddCalendarCommand> calendars;
    private final List<AddFeedCommand> feeds;

    private BokitSettings(Builder b) {
        this.dbTime = orDefault(b.dbTime, DEFAULT_DB_TIME);
        Duration lease = orDefault(b.leaseDuration, DEFAULT_LEASE_DURATION);
        Duration refresh = orDefault(b.refreshPeriod, DEFAULT_REFRESH_PERIOD);
        int parallel = orDefault(b.parallelHosts, DEFAULT_PARALLEL_HOSTS);
        requireBetween(LEASE_DURATION, lease, Duration.ofSeconds(1), Duration.ofDays(1));
        requireBetween(REFRESH_PERIOD, refresh, Duration.ofMillis(1), Duration.ofHours(1));
        requireBetween(PARALLEL_HOSTS, parallel, 1, 64);
        this.run = RunSettings.defaults()
                .withLeaseFor(lease)
                .withRefreshPeriod(refresh)
                .withParallelHosts(parallel);
        this.defaultInterval = b.defaultInterval == null ? null : interval(b.defaultInterval);
        this.installComplete = b.installComplete;
        this.triggerEnabled = orDefault(b.triggerEnabled, true);
        List<String> paths = new ArrayList<>(b.excludedPaths == null ? DEFAULT_EXCLUDED_PATHS : b.excludedPaths);
        check(TRIGGER_EXCLUDED_PATHS, () -> patterns(paths));
        if (b.additionalExcludedPaths != null) {
            check(TRIGGER_ADDITIONAL_EXCLUDED_PATHS, () -> patterns(b.additionalExcludedPaths));
            paths.addAll(b.additionalExcludedPaths);
        }
        this.exportEnabled = orDefault(b.exportEnabled, true);
        this.exportPath = path(EXPORT_PATH, orDefault(b.exportPath, DEFAULT_EXPORT_PATH));
        this.dashboardEnabled = orDefault(b.dashboardEnabled, false);
        this.dashboardPath = path(DASHBOARD_PATH, orDefault(b.dashboardPath, DEFAULT_DASHBOARD_PATH));
        if (dashboardEnabled && exportEnabled && (dashboardPath + "/").startsWith(exportPath + "/")) {
            throw new BokitConfigurationException(
                    DASHBOARD_PATH,
                    dashboardPath + " is " + EXPORT_PATH + " " + exportPath + " or lies under it"
                            + ": the page and the exports need paths of their own");
        }
        this.dashboardRole = orDefault(b.dashboardRole, DEFAULT_DASHBOARD_ROLE).strip();
        if (!ROLE_FORMAT.matcher(dashboardRole).matches()) {
            throw new BokitConfigurationException(
                    DASHBOARD_ROLE,
                    "\"" + dashboardRole + "\" is not a role name such as BOKIT_ADMIN: 1 to 100 letters, digits,"
                            + " '_', '.' or '-'");
        }
        this.excludedPaths = patterns(paths);
        this.executorThreads = orDefault(b.executorThreads, DEFAULT_EXECUTOR_THREADS);
        this.executorQueueCapacity = orDefault(b.executorQueueCapacity, DEFAULT_EXECUTOR_QUEUE_CAPACITY);
        this.executorShutdownTimeout = orDefault(b.executorShutdownTimeout, DEFAULT_EXECUTOR_SHUTDOWN_TIMEOUT);
        requireBetween(EXECUTOR_THREADS, executorThreads, 1, 64);
        requireBetween(EXECUTOR_QUEUE_CAPACITY, executorQueueCapacity, 1, 10_000);
        requireBetween(EXECUTOR_SHUTDOWN_TIMEOUT, executorShutdownTimeout, Duration.ZERO, Duration.ofHours(1));
        this.executorVirtualThreads = Boolean.TRUE.equals(b.executorVirtualThreads);
        if (executorVirtualThreads && !VirtualThreads.available()) {
            throw new BokitConfigurationException(EXECUTOR_VIRTUAL_THREADS, SyncExecutor.NEEDS_JAVA_21);
        }
        this.schemaInitialize = orDefault(b.schemaInitialize, DEFAULT_SCHEMA_INITIALIZE);
        this.tablePrefix = orDefault(b.tablePrefix, DEFAULT_TABLE_PREFIX);
        this.databaseMaxConnections = orDefault(b.databaseMaxConnections, DEFAULT_DATABASE_MAX_CONNECTIONS);
        requireBetween(DATABASE_MAX_CONNECTIONS, databaseMaxConnections, 1, 64);
        this.httpConnectTimeout = orDefault(b.httpConnectTimeout, DEFAULT_HTTP_CONNECT_TIMEOUT);
        this.httpRequestTimeout = orDefault(b.httpRequestTimeout, DEFAULT_HTTP_REQUEST_TIMEOUT);
        this.httpMaxBodyBytes = orDefault(b.httpMaxBodyBytes, DEFAULT_HTTP_MAX_BODY_BYTES);
        requireBetween(HTTP_CONNECT_TIMEOUT, httpConnectTimeout, Duration.ofMillis(1), Duration.ofHours(1));
        requireBetween(HTTP_REQUEST_TIMEOUT, httpRequestTimeout, Duration.ofMillis(1), Duration.ofHours(1));
        if (httpMaxBodyBytes < 1) {
            throw new BokitConfigurationException(
                    HTTP_MAX_BODY_SIZE, "must be at least 1 byte, was " + httpMaxBodyBytes);
        }
        this.httpUserAgent = b.httpUserAgent == null || b.httpUserAgent.isBlank() ? null : b.httpUserAgent.strip();
        this.allowedPrivateAddresses = b.allowedPrivateAddresses == null
                ? List.of()
                : b.allowedPrivateAddresses.stream()
                        .map(String::strip)
                        .filter(cidr -> !cidr.isEmpty())
                        .toList();
        for (String cidr : allowedPrivateAddresses) {
            check(HTTP_ALLOWED_PRIVATE_ADDRESSES, () -> HttpFetchSettings.builder()
                    .allow(cidr));
        }
        List<AddCalendarCommand> calendarCommands = new ArrayList<>();
        List<AddFeedCommand> feedCommands = new ArrayList<>();
        Map<FeedId, String> declaredIn = new HashMap<>();
        b.calendars.forEach((key, calendar) -> {
            String property = CALENDARS + "." + key;
            CalendarKey calendarKey = check(property, () -> CalendarKey.of(key));
            calendarCommands.add(new AddCalendarCommand(
                    calendarKey,
                    blankToNull(calendar.name()) == null ? key : calendar.name(),
                    zone(property, calendar)));
            calendar.feeds().forEach((id, feed) -> {
                AddFeedCommand command = feed(calendarKey, property + ".feeds." + id, id, feed);
                String other = declaredIn.putIfAbsent(command.id(), key);
                if (other != null) {
                    throw new BokitConfigurationException(
                            property + ".feeds." + id,
                            "feed id " + id + " is declared twice, under " + CALENDARS + "." + other + ".feeds and "
                                    + property + ".feeds: feed ids are unique across calendars");
                }
                feedCommands.add(command);
            });
        });
        this.calendars = List.copyOf(calendarCommands);
        this.feeds = List.copyOf(feedCommands);
    }

    /** A builder with every value unset (each takes its default). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings from plain text properties, for a host without a framework that binds them (a servlet
     * container, a {@code .properties} file): the same {@code bokit.*} keys as in the Spring and Micronaut
     * guides, durations such as {@code 1500ms}, {@code 30s}, {@code 15m} or {@code PT15M}, sizes such as
     * {@code 10MB}, lists comma-separated. Keys without the {@code bokit.} prefix are ignored.
     *
     * @throws BokitConfigurationException for an unknown {@code bokit.*} key or a bad value, naming it
     */
    public static BokitSettings fromProperties(Map<String, String> properties) {
        return PropertiesReader.read(properties);
    }

    /** Every default. */
    public static BokitSettings defaults() {
        return builder().build();
    }

    /** Whether claims use the database's clock ({@value #DB_TIME}). */
    public boolean dbTime() {
        return dbTime;
    }

    /** The core's run settings: owner, lease, refresh period, parallel hosts. */
    public RunSettings run() {
        return run;
    }

    /** The {@code sync.interval} in seconds to store at startup when none is stored, or null. */
    public String defaultInterval() {
        return defaultInterval;
    }

    /** The {@code install.complete} to store at startup when none is stored, or null. */
    public Boolean installComplete() {
        return installComplete;
    }

    /** Whether the exports are served ({@value #EXPORT_ENABLED}). */
    public boolean exportEnabled() {
        return exportEnabled;
    }

    /** The path the exports are served under ({@value #EXPORT_PATH}), without a trailing {@code /}. */
    public String exportPath() {
        return exportPath;
    }

    /** Whether the operator's page is served ({@value #DASHBOARD_ENABLED}); false by default. */
    public boolean dashboardEnabled() {
        return dashboardEnabled;
    }

    /** The path of the operator's page ({@value #DASHBOARD_PATH}), without a trailing {@code /}. */
    public String dashboardPath() {
        return dashboardPath;
    }

    /** The role an operator needs ({@value #DASHBOARD_ROLE}), without any {@code ROLE_} prefix. */
    public String dashboardRole() {
        return dashboardRole;
    }

    /** Whether requests trigger syncs ({@value #TRIGGER_ENABLED}). */
    public boolean triggerEnabled() {
        return triggerEnabled;
    }

    /** The paths that never trigger, compiled ({@value #TRIGGER_EXCLUDED_PATHS}). */
    public PathPatterns excludedPaths() {
        return excludedPaths;
    }

    /** How many threads bokit's executor has. */
    public int executorThreads() {
        return executorThreads;
    }

    /** How many tasks may wait in bokit's executor. */
    public int executorQueueCapacity() {
        return executorQueueCapacity;
    }

    /** How long closing waits for a running sync. */
    public Duration executorShutdownTimeout() {
        return executorShutdownTimeout;
    }

    /** Whether bokit's executor runs on virtual threads; false by default. */
    public boolean executorVirtualThreads() {
        return executorVirtualThreads;
    }

    /** When the tables are created or upgraded. */
    public InitializeMode schemaInitialize() {
        return schemaInitialize;
    }

    /** The prefix of every bokit table. */
    public String tablePrefix() {
        return tablePrefix;
    }

    /** How many of the host's connections bokit holds at most at once. */
    public int databaseMaxConnections() {
        return databaseMaxConnections;
    }

    /** The fetcher's settings, with this clock. */
    public HttpFetchSettings httpFetchSettings(io.bokit.core.port.out.ClockPort clock) {
        HttpFetchSettings.Builder http = HttpFetchSettings.builder()
                .connectTimeout(httpConnectTimeout)
                .requestTimeout(httpRequestTimeout)
                .maxBodyBytes(httpMaxBodyBytes)
                .clock(clock);
        if (httpUserAgent != null) {
            http.userAgent(httpUserAgent);
        }
        allowedPrivateAddresses.forEach(http::allow);
        return http.build();
    }

    /** The declared calendars, checked, in declaration order. */
    public List<AddCalendarCommand> calendars() {
        return calendars;
    }

    /** The declared feeds, checked, in declaration order. */
    public List<AddFeedCommand> feeds() {
        return feeds;
    }

    private static String path(String property, String value) {
        String path = value.strip();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!EXPORT_PATH_FORMAT.matcher(path).matches()) {
            throw new BokitConfigurationException(
                    property,
                    "\"" + value + "\" is not a path such as /bokit/ical: segments of letters, digits, '.', '_', '~'"
                            + " or '-', each after a '/'");
        }
        return path;
    }

    private static PathPatterns patterns(List<String> paths) {
        return PathPatterns.of(paths.stream()
                .map(String::strip)
                .filter(path -> !path.isEmpty())
                .distinct()
                .toList());
    }

    private static String interval(Duration interval) {
        if (interval.toNanosPart() != 0) {
            throw new BokitConfigurationException(
                    DEFAULT_INTERVAL,
                    interval.toMillis() + "ms is not a whole number of seconds, which sync.interval takes");
        }
        String seconds = Long.toString(interval.toSeconds());
        return check(DEFAULT_INTERVAL, () -> OptionKey.SYNC_INTERVAL.normalize(seconds));
    }

    private static ZoneId zone(String property, CalendarDeclaration calendar) {
        String zone = blankToNull(calendar.zone());
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new BokitConfigurationException(
                    property + ".zone",
                    "\"" + zone + "\" is not a time-zone id such as Europe/Paris or UTC (" + e.getMessage() + ")");
        }
    }

    private static AddFeedCommand feed(CalendarKey calendar, String property, String id, FeedDeclaration feed) {
        FeedId feedId = check(property, () -> FeedId.of(id));
        if (blankToNull(feed.url()) == null) {
            throw new BokitConfigurationException(property + ".url", "is missing: every declared feed needs its URL");
        }
        FeedUrl url = check(property + ".url", () -> FeedUrl.parse(feed.url().strip()));
        return new AddFeedCommand(calendar, feedId, url, blankToNull(feed.name()) == null ? id : feed.name());
    }

    /** The value, or a {@link BokitConfigurationException} naming the property (URLs in messages are masked). */
    private static <T> T check(String property, Supplier<T> value) {
        try {
            return value.get();
        } catch (BokitException | IllegalArgumentException e) {
            throw new BokitConfigurationException(property, e.getMessage(), e);
        }
    }

    private static void requireBetween(String property, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new BokitConfigurationException(property, "must be " + min + " to " + max + ", was " + value);
        }
    }

    private static void requireBetween(String property, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BokitConfigurationException(property, "must be " + min + " to " + max + ", was " + value);
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * One declared calendar, {@code bokit.calendars.<key>}: its display name and time zone (each may be
     * null for the default) and its feeds by id.
     *
     * @param name the display name, or null for the key
     * @param zone the time-zone id, or null for the {@code timezone} option
     * @param feeds the feeds by id, in declaration order
     */
    public record CalendarDeclaration(String name, String zone, Map<String, FeedDeclaration> feeds) {
        public CalendarDeclaration {
            feeds = feeds == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(feeds));
        }
    }

    /**
     * One declared feed, {@code bokit.calendars.<key>.feeds.<id>}.
     *
     * @param url the feed's URL (a secret: never shown whole)
     * @param name the display name, or null for the id
     */
    public record FeedDeclaration(String url, String name) {
        @Override
        public String toString() {
            return "FeedDeclaration[url=" + (url == null ? null : io.bokit.core.domain.Secrets.mask(url)) + ", name="
                    + name + "]";
        }
    }

    /** Collects settings; every value is optional (null means the default). Not thread-safe. */
    public static final class Builder {
        private Boolean dbTime;
        private Duration leaseDuration;
        private Duration refreshPeriod;
        private Integer parallelHosts;
        private Duration defaultInterval;
        private Boolean installComplete;
        private Boolean triggerEnabled;
        private List<String> excludedPaths;
        private Boolean exportEnabled;
        private String exportPath;
        private List<String> additionalExcludedPaths;
        private Boolean dashboardEnabled;
        private String dashboardPath;
        private String dashboardRole;
        private Integer executorThreads;
        private Integer executorQueueCapacity;
        private Duration executorShutdownTimeout;
        private Boolean executorVirtualThreads;
        private InitializeMode schemaInitialize;
        private String tablePrefix;
        private Integer databaseMaxConnections;
        private Duration httpConnectTimeout;
        private Duration httpRequestTimeout;
        private Long httpMaxBodyBytes;
        private String httpUserAgent;
        private List<String> allowedPrivateAddresses;
        private final Map<String, CalendarDeclaration> calendars = new LinkedHashMap<>();

        private Builder() {}

        /** {@value BokitSettings#DB_TIME}. */
        public Builder dbTime(Boolean value) {
            this.dbTime = value;
            return this;
        }

        /** {@value BokitSettings#LEASE_DURATION}, 1 s to 1 day. */
        public Builder leaseDuration(Duration value) {
            this.leaseDuration = value;
            return this;
        }

        /** {@value BokitSettings#REFRESH_PERIOD}, 1 ms to 1 hour. */
        public Builder refreshPeriod(Duration value) {
            this.refreshPeriod = value;
            return this;
        }

        /** {@value BokitSettings#PARALLEL_HOSTS}, 1 to 64. */
        public Builder parallelHosts(Integer value) {
            this.parallelHosts = value;
            return this;
        }

        /** {@value BokitSettings#DEFAULT_INTERVAL}: whole seconds, within what {@code sync.interval} allows. */
        public Builder defaultInterval(Duration value) {
            this.defaultInterval = value;
            return this;
        }

        /** {@value BokitSettings#INSTALL_COMPLETE}. */
        public Builder installComplete(Boolean value) {
            this.installComplete = value;
            return this;
        }

        /** {@value BokitSettings#TRIGGER_ENABLED}. */
        public Builder triggerEnabled(Boolean value) {
            this.triggerEnabled = value;
            return this;
        }

        /** {@value BokitSettings#TRIGGER_EXCLUDED_PATHS}: Ant-style patterns; null for the defaults. */
        public Builder excludedPaths(List<String> value) {
            this.excludedPaths = value == null ? null : List.copyOf(value);
            return this;
        }

        /**
         * {@value BokitSettings#TRIGGER_ADDITIONAL_EXCLUDED_PATHS}: patterns added to the excluded paths (the
         * defaults, unless those are set too), so a host adds its own without repeating the defaults.
         */
        public Builder additionalExcludedPaths(List<String> value) {
            this.additionalExcludedPaths = value == null ? null : List.copyOf(value);
            return this;
        }

        /** {@value BokitSettings#EXPORT_ENABLED}. */
        public Builder exportEnabled(Boolean value) {
            this.exportEnabled = value;
            return this;
        }

        /** {@value BokitSettings#EXPORT_PATH}, such as {@code /bokit/ical} (the default). */
        public Builder exportPath(String value) {
            this.exportPath = value;
            return this;
        }

        /** {@value BokitSettings#DASHBOARD_ENABLED}; false (the default) serves no page. */
        public Builder dashboardEnabled(Boolean value) {
            this.dashboardEnabled = value;
            return this;
        }

        /** {@value BokitSettings#DASHBOARD_PATH}, such as {@code /bokit} (the default). */
        public Builder dashboardPath(String value) {
            this.dashboardPath = value;
            return this;
        }

        /** {@value BokitSettings#DASHBOARD_ROLE}, such as {@code BOKIT_ADMIN} (the default). */
        public Builder dashboardRole(String value) {
            this.dashboardRole = value;
            return this;
        }

        /** {@value BokitSettings#EXECUTOR_THREADS}, 1 to 64. */
        public Builder executorThreads(Integer value) {
            this.executorThreads = value;
            return this;
        }

        /** {@value BokitSettings#EXECUTOR_QUEUE_CAPACITY}, 1 to 10000. */
        public Builder executorQueueCapacity(Integer value) {
            this.executorQueueCapacity = value;
            return this;
        }

        /** {@value BokitSettings#EXECUTOR_SHUTDOWN_TIMEOUT}, 0 to 1 hour. */
        public Builder executorShutdownTimeout(Duration value) {
            this.executorShutdownTimeout = value;
            return this;
        }

        /** {@value BokitSettings#EXECUTOR_VIRTUAL_THREADS}; true is refused on Java 17 to 20. */
        public Builder executorVirtualThreads(Boolean value) {
            this.executorVirtualThreads = value;
            return this;
        }

        /** {@value BokitSettings#SCHEMA_INITIALIZE}. */
        public Builder schemaInitialize(InitializeMode value) {
            this.schemaInitialize = value;
            return this;
        }

        /** {@value BokitSettings#SCHEMA_TABLE_PREFIX}. */
        public Builder tablePrefix(String value) {
            this.tablePrefix = value;
            return this;
        }

        /** {@value BokitSettings#DATABASE_MAX_CONNECTIONS}, 1 to 64: keep it well below the host pool's size. */
        public Builder databaseMaxConnections(Integer value) {
            this.databaseMaxConnections = value;
            return this;
        }

        /** {@value BokitSettings#HTTP_CONNECT_TIMEOUT}. */
        public Builder httpConnectTimeout(Duration value) {
            this.httpConnectTimeout = value;
            return this;
        }

        /** {@value BokitSettings#HTTP_REQUEST_TIMEOUT}. */
        public Builder httpRequestTimeout(Duration value) {
            this.httpRequestTimeout = value;
            return this;
        }

        /** {@value BokitSettings#HTTP_MAX_BODY_SIZE}, in bytes. */
        public Builder httpMaxBodyBytes(Long value) {
            this.httpMaxBodyBytes = value;
            return this;
        }

        /** {@value BokitSettings#HTTP_USER_AGENT}; blank for bokit's own. */
        public Builder httpUserAgent(String value) {
            this.httpUserAgent = value;
            return this;
        }

        /** {@value BokitSettings#HTTP_ALLOWED_PRIVATE_ADDRESSES}: CIDR blocks the SSRF guard lets through. */
        public Builder allowedPrivateAddresses(List<String> value) {
            this.allowedPrivateAddresses = value == null ? null : List.copyOf(value);
            return this;
        }

        /** Declares a calendar, {@code bokit.calendars.<key>}; a later one with the same key replaces it. */
        public Builder calendar(String key, CalendarDeclaration calendar) {
            this.calendars.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(calendar, "calendar"));
            return this;
        }

        /**
         * Checks every value and builds the settings.
         *
         * @throws BokitConfigurationException naming the property of the first bad value
         */
        public BokitSettings build() {
            return new BokitSettings(this);
        }
    }
}
