package io.bokit.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.OptionKey;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
        config.getDefaultInterval().ifPresent(interval -> bokit.options()
                .setIfUnset(OptionKey.SYNC_INTERVAL.key(), Long.toString(interval.toSeconds())));
        config.getInstallComplete().ifPresent(complete -> bokit.options()
                .set(OptionKey.INSTALL_COMPLETE.key(), Boolean.toString(complete)));
        for (CalendarConfiguration calendar : calendars) {
            register(calendar);
        }
    }

    private void register(CalendarConfiguration wanted) {
        CalendarKey key = CalendarKey.of(wanted.getKey());
        ZoneId zone = wanted.getZone() == null || wanted.getZone().isBlank() ? null : ZoneId.of(wanted.getZone());
        bokit.feeds().ensureCalendar(new AddCalendarCommand(key, wanted.getName(), zone));
        for (Map.Entry<String, String> feed : wanted.getFeeds().entrySet()) {
            FeedUrl url = FeedUrl.parse(feed.getValue());
            Feed stored = bokit.feeds().ensureFeed(new AddFeedCommand(key, FeedId.of(feed.getKey()), url, null));
            log.debug(
                    "[Bokit] Feed {} ({}) of calendar {} is registered",
                    stored.id(),
                    stored.url().masked(),
                    key);
        }
    }
}
