package io.bokit.spring;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.OptionKey;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Applies the startup parts of {@link BokitProperties} once every bean exists and before the web
 * server takes requests: the interval and install gate when the database has none yet, then the
 * configured calendars and feeds when missing (never changed, never duplicated).
 */
final class StartupRegistration implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(StartupRegistration.class);

    private final Bokit bokit;
    private final BokitProperties properties;

    StartupRegistration(Bokit bokit, BokitProperties properties) {
        this.bokit = bokit;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String interval = String.valueOf(properties.getDefaultInterval().toSeconds());
        setIfUnset(OptionKey.SYNC_INTERVAL.key(), interval);
        if (properties.isInstall()) {
            setIfUnset(OptionKey.INSTALL_COMPLETE.key(), "true");
        }
        properties.getCalendars().forEach(this::register);
        properties.getFeeds().forEach(this::register);
    }

    private void setIfUnset(String key, String value) {
        if (bokit.options().setIfUnset(key, value)) {
            log.info("[bokit] Stored {}={} (no value was stored yet)", key, value);
        }
    }

    private void register(BokitProperties.CalendarEntry entry) {
        if (entry.getKey() == null || entry.getKey().isBlank()) {
            throw new InvalidInputException("bokit.calendars[]: every calendar needs a key");
        }
        CalendarKey key = CalendarKey.of(entry.getKey());
        ZoneId zone = entry.getZone() == null || entry.getZone().isBlank() ? null : ZoneId.of(entry.getZone());
        String name = entry.getName() == null || entry.getName().isBlank() ? entry.getKey() : entry.getName();
        bokit.feeds().ensureCalendar(new AddCalendarCommand(key, name, zone));
    }

    private void register(BokitProperties.FeedEntry entry) {
        if (entry.getCalendar() == null || entry.getUrl() == null) {
            throw new InvalidInputException("bokit.feeds[]: every feed needs a calendar and a url");
        }
        FeedUrl url = FeedUrl.parse(entry.getUrl());
        FeedId id = entry.getId() == null || entry.getId().isBlank() ? null : FeedId.of(entry.getId());
        String name = entry.getName() == null || entry.getName().isBlank() ? null : entry.getName();
        Feed stored = bokit.feeds().ensureFeed(new AddFeedCommand(CalendarKey.of(entry.getCalendar()), id, url, name));
        if (!stored.url().equals(url)) {
            log.warn(
                    "[bokit] Feed {} is already registered with another URL ({}); the stored one is kept",
                    stored.id().value(),
                    stored.url().masked());
        }
    }
}
