package io.bokit.spring;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.OptionKey;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
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
        if (bokit.options().get(key).isDefault()) {
            bokit.options().set(key, value);
            log.info("[bokit] Stored {}={} (no value was stored yet)", key, value);
        }
    }

    private void register(BokitProperties.CalendarEntry entry) {
        if (entry.getKey() == null || entry.getKey().isBlank()) {
            throw new InvalidInputException("bokit.calendars[]: every calendar needs a key");
        }
        CalendarKey key = CalendarKey.of(entry.getKey());
        boolean known = bokit.feeds().calendars().stream().map(Calendar::key).anyMatch(key::equals);
        if (known) {
            return;
        }
        ZoneId zone = entry.getZone() == null || entry.getZone().isBlank() ? null : ZoneId.of(entry.getZone());
        String name = entry.getName() == null || entry.getName().isBlank() ? entry.getKey() : entry.getName();
        bokit.feeds().addCalendar(new AddCalendarCommand(key, name, zone));
        log.info("[bokit] Registered calendar {}", key.value());
    }

    private void register(BokitProperties.FeedEntry entry) {
        if (entry.getCalendar() == null || entry.getUrl() == null) {
            throw new InvalidInputException("bokit.feeds[]: every feed needs a calendar and a url");
        }
        CalendarKey calendar = CalendarKey.of(entry.getCalendar());
        FeedUrl url = FeedUrl.parse(entry.getUrl());
        FeedId id = entry.getId() == null || entry.getId().isBlank() ? null : FeedId.of(entry.getId());
        List<Feed> feeds = bokit.feeds().feeds();
        Optional<Feed> existing = feeds.stream()
                .filter(feed -> id != null
                        ? feed.id().equals(id)
                        : feed.calendar().equals(calendar) && feed.url().equals(url))
                .findFirst();
        if (existing.isPresent()) {
            if (!existing.get().url().equals(url)) {
                log.warn(
                        "[bokit] Feed {} is already registered with another URL ({}); the stored one is kept",
                        existing.get().id().value(),
                        existing.get().url().masked());
            }
            return;
        }
        String name = entry.getName() == null || entry.getName().isBlank() ? null : entry.getName();
        Feed added = bokit.feeds().addFeed(new AddFeedCommand(calendar, id, url, name));
        log.info(
                "[bokit] Registered feed {} ({})",
                added.id().value(),
                added.url().masked());
    }
}
