package io.bokit.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.OptionKey;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the startup settings idempotently: the default interval and the install flag (each only
 * when no value is stored), then the configured calendars and feeds (only those the database lacks).
 * Everything is checked before anything is stored, so a bad property stops the startup with a message
 * that names it, and nothing half-registered.
 *
 * <p>The feeds are read from the environment ({@code bokit.calendars.<key>.feeds.<feed-id>.url} and
 * {@code .name}) as sub-maps, never bound to a bean nor resolved one by one as a string: Micronaut
 * traces both at TRACE with their values, and a feed URL carries a secret token.
 */
final class StartupRegistration {
    static final String CALENDARS = BokitConfiguration.PREFIX + ".calendars";

    private static final Logger log = LoggerFactory.getLogger(StartupRegistration.class);

    private final Bokit bokit;
    private final PropertyResolver properties;

    StartupRegistration(Bokit bokit, PropertyResolver properties) {
        this.bokit = bokit;
        this.properties = properties;
    }

    void apply(BokitConfiguration config, List<CalendarConfiguration> calendars) {
        List<DeclaredCalendar> declared = calendars.stream()
                .sorted(Comparator.comparing(CalendarConfiguration::getKey))
                .map(this::declared)
                .toList();
        config.getDefaultInterval()
                .ifPresent(interval -> setIfUnset(OptionKey.SYNC_INTERVAL.key(), Long.toString(interval.toSeconds())));
        config.getInstallComplete()
                .ifPresent(complete -> setIfUnset(OptionKey.INSTALL_COMPLETE.key(), Boolean.toString(complete)));
        declared.forEach(this::register);
    }

    private void setIfUnset(String key, String value) {
        if (bokit.options().setIfUnset(key, value)) {
            log.info("[Bokit] Stored {}={} (no value was stored yet)", key, value);
        }
    }

    private DeclaredCalendar declared(CalendarConfiguration calendar) {
        String property = CALENDARS + "." + calendar.getKey();
        CalendarKey key = valid(property, () -> CalendarKey.of(calendar.getKey()));
        String zoneId = calendar.getZone();
        ZoneId zone = zoneId == null || zoneId.isBlank() ? null : valid(property + ".zone", () -> ZoneId.of(zoneId));
        String feedsProperty = property + ".feeds";
        List<AddFeedCommand> feeds = new ArrayList<>();
        for (String id : new TreeSet<>(properties.getPropertyEntries(feedsProperty))) {
            feeds.add(declaredFeed(key, feedsProperty + "." + id, id));
        }
        return new DeclaredCalendar(new AddCalendarCommand(key, calendar.getName(), zone), feeds);
    }

    private AddFeedCommand declaredFeed(CalendarKey calendar, String property, String id) {
        FeedId feedId = valid(property, () -> FeedId.of(id));
        Map<String, Object> feed = properties.getProperties(property);
        String url = text(feed.get("url"));
        if (url == null) {
            throw new ConfigurationException("Missing " + property + ".url: every feed declared under " + CALENDARS
                    + ".<key>.feeds needs its URL");
        }
        FeedUrl feedUrl = valid(property + ".url", () -> FeedUrl.parse(url));
        String name = text(feed.get("name"));
        return new AddFeedCommand(calendar, feedId, feedUrl, name == null ? id : name);
    }

    private void register(DeclaredCalendar calendar) {
        bokit.feeds().ensureCalendar(calendar.command());
        for (AddFeedCommand wanted : calendar.feeds()) {
            Feed stored = bokit.feeds().ensureFeed(wanted);
            if (!stored.url().equals(wanted.url()) || !stored.calendar().equals(wanted.calendar())) {
                log.warn(
                        "[Bokit] Feed {} is already registered in calendar {} with URL {}; the stored one is kept",
                        stored.id(),
                        stored.calendar(),
                        stored.url().masked());
            }
            log.debug(
                    "[Bokit] Feed {} ({}) of calendar {} is registered",
                    stored.id(),
                    stored.url().masked(),
                    stored.calendar());
        }
    }

    /** The value, or what was wrong with it as a configuration error naming the property (URLs come masked). */
    private static <T> T valid(String property, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidInputException | DateTimeException e) {
            throw new ConfigurationException("Invalid " + property + ": " + e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private record DeclaredCalendar(AddCalendarCommand command, List<AddFeedCommand> feeds) {}
}
