package io.bokit.spring;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.BokitException;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.OptionKey;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Applies the startup parts of {@link BokitProperties} once every bean exists and before the web
 * server takes requests: the interval and install gate when set and the database has none yet, then
 * the declared calendars and feeds when missing (never changed, never duplicated). Every declaration
 * is checked before anything is written; a bad one fails startup with a message naming its property.
 */
final class StartupRegistration implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(StartupRegistration.class);
    private static final String CALENDARS = BokitProperties.PREFIX + ".calendars.";

    private final Bokit bokit;
    private final BokitProperties properties;

    StartupRegistration(Bokit bokit, BokitProperties properties) {
        this.bokit = bokit;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String interval = properties.getDefaultInterval() == null ? null : interval(properties.getDefaultInterval());
        List<AddCalendarCommand> calendars = new ArrayList<>();
        List<AddFeedCommand> feeds = new ArrayList<>();
        Map<FeedId, String> declaredIn = new HashMap<>();
        properties.getCalendars().forEach((key, calendar) -> {
            CalendarKey calendarKey = check(CALENDARS + key, () -> CalendarKey.of(key));
            calendars.add(new AddCalendarCommand(calendarKey, orDefault(calendar.getName(), key), zone(key, calendar)));
            calendar.getFeeds().forEach((id, feed) -> {
                AddFeedCommand command = feed(calendarKey, id, feed);
                String other = declaredIn.putIfAbsent(command.id(), key);
                if (other != null) {
                    throw new InvalidInputException("Feed id " + id + " is declared twice, under " + CALENDARS + other
                            + ".feeds and " + CALENDARS + key + ".feeds: feed ids are unique across calendars");
                }
                feeds.add(command);
            });
        });

        if (interval != null) {
            setIfUnset(OptionKey.SYNC_INTERVAL.key(), interval);
        }
        if (properties.getInstallComplete() != null) {
            setIfUnset(
                    OptionKey.INSTALL_COMPLETE.key(),
                    properties.getInstallComplete().toString());
        }
        calendars.forEach(bokit.feeds()::ensureCalendar);
        feeds.forEach(this::register);
    }

    private static String interval(Duration interval) {
        String property = BokitProperties.PREFIX + ".default-interval";
        if (interval.toNanosPart() != 0) {
            throw new InvalidInputException(property + "=" + interval.toMillis()
                    + "ms is not a whole number of seconds, which sync.interval takes");
        }
        String seconds = Long.toString(interval.toSeconds());
        return check(property, () -> OptionKey.SYNC_INTERVAL.normalize(seconds));
    }

    private static ZoneId zone(String key, BokitProperties.CalendarEntry calendar) {
        String zone = calendar.getZone();
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(CALENDARS + key + ".zone: \"" + zone
                    + "\" is not a time-zone id such as Europe/Paris or UTC (" + e.getMessage() + ")");
        }
    }

    private static AddFeedCommand feed(CalendarKey calendar, String id, BokitProperties.FeedEntry feed) {
        String property = CALENDARS + calendar.value() + ".feeds." + id;
        FeedId feedId = check(property, () -> FeedId.of(id));
        if (feed.getUrl() == null || feed.getUrl().isBlank()) {
            throw new InvalidInputException(property + ".url is missing: every declared feed needs its URL");
        }
        FeedUrl url = check(property + ".url", () -> FeedUrl.parse(feed.getUrl()));
        return new AddFeedCommand(calendar, feedId, url, orDefault(feed.getName(), id));
    }

    private void setIfUnset(String key, String value) {
        if (bokit.options().setIfUnset(key, value)) {
            log.info("[Bokit] Stored {}={} (no value was stored yet)", key, value);
        }
    }

    private void register(AddFeedCommand command) {
        Feed stored = bokit.feeds().ensureFeed(command);
        if (!stored.url().equals(command.url()) || !stored.calendar().equals(command.calendar())) {
            log.warn(
                    "[Bokit] Feed {} is already registered in calendar {} with URL {}; the stored one is kept",
                    stored.id().value(),
                    stored.calendar().value(),
                    stored.url().masked());
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The value, or an {@link InvalidInputException} whose message starts with the property's name. */
    private static <T> T check(String property, Supplier<T> value) {
        try {
            return value.get();
        } catch (BokitException e) {
            throw new InvalidInputException(property + ": " + e.getMessage());
        }
    }
}
