package io.bokit.host;

import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.jdbc.InitializeMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link BokitSettings} from plain {@code bokit.*} text properties, for hosts without a framework
 * that binds them: durations such as {@code 15m}, {@code 1500ms} or {@code PT15M}, sizes such as
 * {@code 10MB}, lists separated by commas. An unknown {@code bokit.*} key is refused (a typo would
 * otherwise be silently ignored); keys of other prefixes are ignored.
 */
final class PropertiesReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALENDAR =
            Pattern.compile("bokit\\.calendars\\.([^.]+)\\.(name|zone|feeds\\.([^.]+)\\.(url|name))");

    private PropertiesReader() {}

    static BokitSettings read(Map<String, String> properties) {
        BokitSettings.Builder b = BokitSettings.builder();
        Map<String, Map<String, String>> calendars = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            if (!key.startsWith(BokitSettings.PREFIX + ".")) {
                continue;
            }
            switch (key) {
                case BokitSettings.ENABLED -> bool(key, value); // the host decides whether to build bokit at all
                case BokitSettings.DB_TIME -> b.dbTime(bool(key, value));
                case BokitSettings.LEASE_DURATION -> b.leaseDuration(duration(key, value));
                case BokitSettings.REFRESH_PERIOD -> b.refreshPeriod(duration(key, value));
                case BokitSettings.PARALLEL_HOSTS -> b.parallelHosts(integer(key, value));
                case BokitSettings.DEFAULT_INTERVAL -> b.defaultInterval(duration(key, value));
                case BokitSettings.INSTALL_COMPLETE -> b.installComplete(bool(key, value));
                case BokitSettings.TRIGGER_ENABLED -> b.triggerEnabled(bool(key, value));
                case BokitSettings.TRIGGER_EXCLUDED_PATHS -> b.excludedPaths(list(value));
                case BokitSettings.TRIGGER_ADDITIONAL_EXCLUDED_PATHS -> b.additionalExcludedPaths(list(value));
                case BokitSettings.EXPORT_ENABLED -> b.exportEnabled(bool(key, value));
                case BokitSettings.EXPORT_PATH -> b.exportPath(value);
                case BokitSettings.DASHBOARD_ENABLED -> b.dashboardEnabled(bool(key, value));
                case BokitSettings.DASHBOARD_PATH -> b.dashboardPath(value);
                case BokitSettings.DASHBOARD_ROLE -> b.dashboardRole(value);
                case BokitSettings.EXECUTOR_THREADS -> b.executorThreads(integer(key, value));
                case BokitSettings.EXECUTOR_QUEUE_CAPACITY -> b.executorQueueCapacity(integer(key, value));
                case BokitSettings.EXECUTOR_SHUTDOWN_TIMEOUT -> b.executorShutdownTimeout(duration(key, value));
                case BokitSettings.EXECUTOR_VIRTUAL_THREADS -> b.executorVirtualThreads(bool(key, value));
                case BokitSettings.SCHEMA_INITIALIZE -> b.schemaInitialize(initialize(key, value));
                case BokitSettings.SCHEMA_TABLE_PREFIX -> b.tablePrefix(value);
                case BokitSettings.DATABASE_MAX_CONNECTIONS -> b.databaseMaxConnections(integer(key, value));
                case BokitSettings.HTTP_CONNECT_TIMEOUT -> b.httpConnectTimeout(duration(key, value));
                case BokitSettings.HTTP_REQUEST_TIMEOUT -> b.httpRequestTimeout(duration(key, value));
                case BokitSettings.HTTP_MAX_BODY_SIZE -> b.httpMaxBodyBytes(size(key, value));
                case BokitSettings.HTTP_USER_AGENT -> b.httpUserAgent(value);
                case BokitSettings.HTTP_ALLOWED_PRIVATE_ADDRESSES -> b.allowedPrivateAddresses(list(value));
                default -> calendarPart(calendars, key, value);
            }
        }
        calendars.forEach((key, parts) -> {
            Map<String, FeedDeclaration> feeds = new LinkedHashMap<>();
            parts.keySet().stream()
                    .filter(part -> part.startsWith("feeds."))
                    .map(part -> part.substring("feeds.".length(), part.lastIndexOf('.')))
                    .distinct()
                    .forEach(id -> feeds.put(
                            id,
                            new FeedDeclaration(
                                    parts.get("feeds." + id + ".url"), parts.get("feeds." + id + ".name"))));
            b.calendar(key, new CalendarDeclaration(parts.get("name"), parts.get("zone"), feeds));
        });
        return b.build();
    }

    private static void calendarPart(Map<String, Map<String, String>> calendars, String key, String value) {
        Matcher calendar = CALENDAR.matcher(key);
        if (!calendar.matches()) {
            throw new BokitConfigurationException(key, "no such property; see docs for the bokit.* properties");
        }
        calendars.computeIfAbsent(calendar.group(1), k -> new LinkedHashMap<>()).put(calendar.group(2), value);
    }

    private static Boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BokitConfigurationException(key, "\"" + value + "\" is not true or false");
        };
    }

    private static Integer integer(String key, String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new BokitConfigurationException(key, "\"" + value + "\" is not a whole number");
        }
    }

    static Duration duration(String key, String value) {
        Matcher simple = DURATION.matcher(value);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new BokitConfigurationException(
                    key, "\"" + value + "\" is not a duration such as 1500ms, 30s, 15m, 1h or PT15M");
        }
    }

    private static Long size(String key, String value) {
        Matcher size = SIZE.matcher(value);
        if (!size.matches()) {
            throw new BokitConfigurationException(key, "\"" + value + "\" is not a size such as 512KB or 10MB");
        }
        long amount = Long.parseLong(size.group(1));
        String unit = size.group(2) == null ? "B" : size.group(2).toUpperCase(Locale.ROOT);
        return switch (unit) {
            case "KB" -> amount * 1024;
            case "MB" -> amount * 1024 * 1024;
            case "GB" -> amount * 1024 * 1024 * 1024;
            default -> amount;
        };
    }

    private static InitializeMode initialize(String key, String value) {
        try {
            return InitializeMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BokitConfigurationException(key, "\"" + value + "\" is not always, embedded or never");
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
