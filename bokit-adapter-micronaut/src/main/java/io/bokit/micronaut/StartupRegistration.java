package io.bokit.micronaut;

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
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the startup settings idempotently: the default interval (only when none is stored), the
 * install flag (when set), and the configured calendars and feeds (only those the database lacks).
 */
final class StartupRegistration {
    private static final Logger log = LoggerFactory.getLogger(StartupRegistration.class);

    private final Bokit bokit;

    StartupRegistration(Bokit bokit) {
        this.bokit = bokit;
    }

    void apply(BokitConfiguration config, List<CalendarConfiguration> calendars) {
        config.getDefaultInterval().ifPresent(interval -> {
            if (bokit.options().get(OptionKey.SYNC_INTERVAL.key()).isDefault()) {
                bokit.options().set(OptionKey.SYNC_INTERVAL.key(), Long.toString(interval.toSeconds()));
            }
        });
        config.getInstallComplete().ifPresent(complete -> bokit.options()
                .set(OptionKey.INSTALL_COMPLETE.key(), Boolean.toString(complete)));
        for (CalendarConfiguration calendar : calendars) {
            register(calendar);
        }
    }

    private void register(CalendarConfiguration wanted) {
        CalendarKey key = CalendarKey.of(wanted.getKey());
        Set<CalendarKey> calendars =
                bokit.feeds().calendars().stream().map(Calendar::key).collect(Collectors.toSet());
        if (!calendars.contains(key)) {
            ZoneId zone = wanted.getZone() == null || wanted.getZone().isBlank() ? null : ZoneId.of(wanted.getZone());
            addIfAbsent(
                    () -> bokit.feeds().addCalendar(new AddCalendarCommand(key, wanted.getName(), zone)),
                    () -> bokit.feeds().calendars().stream()
                            .anyMatch(c -> c.key().equals(key)));
            log.info("[Bokit] Registered calendar {}", key);
        }
        Set<FeedId> feeds = bokit.feeds().feeds().stream().map(Feed::id).collect(Collectors.toSet());
        for (Map.Entry<String, String> feed : wanted.getFeeds().entrySet()) {
            FeedId id = FeedId.of(feed.getKey());
            if (!feeds.contains(id)) {
                FeedUrl url = FeedUrl.parse(feed.getValue());
                addIfAbsent(
                        () -> bokit.feeds().addFeed(new AddFeedCommand(key, id, url, null)),
                        () -> bokit.feeds().feeds().stream().anyMatch(f -> f.id().equals(id)));
                log.info("[Bokit] Registered feed {} ({}) of calendar {}", id, url.masked(), key);
            }
        }
    }

    /** Adds, tolerating another node that added the same thing since we looked. */
    private static void addIfAbsent(Runnable add, BooleanSupplier existsNow) {
        try {
            add.run();
        } catch (InvalidInputException e) {
            if (!existsNow.getAsBoolean()) {
                throw e;
            }
        }
    }
}
