package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryOptions;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The idempotent operations adapters use to apply their configuration at startup. */
class StartupRegistrationServicesTest {
    private final InMemoryOptions options = new InMemoryOptions();
    private final InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
    private final AtomicInteger changes = new AtomicInteger();
    private final OptionsService optionsService = new OptionsService(options, changes::incrementAndGet);
    private final FeedsService feeds = new FeedsService(catalog, options);
    private final CalendarKey seaview = CalendarKey.of("seaview");
    private final FeedUrl url = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=x");

    @Test
    void setIfUnsetNeverOverwritesAStoredValue() {
        assertThat(optionsService.setIfUnset("sync.interval", "600")).isTrue();
        assertThat(optionsService.setIfUnset("sync.interval", "3600")).isFalse();

        assertThat(options.load("sync.interval")).contains("600");
        assertThat(changes).hasValue(1);
    }

    @Test
    void ensureCalendarAddsOnceAndNeverChangesTheStoredOne() {
        feeds.ensureCalendar(new AddCalendarCommand(seaview, "Sea view", ZoneId.of("Europe/Lisbon")));

        var again = feeds.ensureCalendar(new AddCalendarCommand(seaview, "Renamed", ZoneId.of("UTC")));

        assertThat(again.name()).isEqualTo("Sea view");
        assertThat(catalog.calendars()).hasSize(1);
    }

    @Test
    void ensureFeedFindsByIdOrElseByCalendarAndUrl() {
        feeds.ensureCalendar(new AddCalendarCommand(seaview, "Sea view", null));

        Feed withoutId = feeds.ensureFeed(new AddFeedCommand(seaview, null, url, null));
        Feed sameAgain = feeds.ensureFeed(new AddFeedCommand(seaview, null, url, null));
        Feed byId = feeds.ensureFeed(new AddFeedCommand(seaview, FeedId.of("x1"), url, null));
        Feed byIdAgain = feeds.ensureFeed(
                new AddFeedCommand(seaview, FeedId.of("x1"), FeedUrl.parse("https://other.example/a.ics"), null));

        assertThat(sameAgain).isEqualTo(withoutId);
        assertThat(byIdAgain).isEqualTo(byId);
        assertThat(byIdAgain.url()).isEqualTo(url);
        assertThat(catalog.feeds()).hasSize(2);
    }
}
