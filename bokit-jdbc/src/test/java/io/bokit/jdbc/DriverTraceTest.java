package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.FetchState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL driver logs every bind parameter at its finest level: bokit sends a feed's URL (a secret)
 * to the driver only when the feed is added, never when it is enabled, disabled or its fetch state written.
 */
class DriverTraceTest {
    private static final String SECRET = "TOKEN-driver-SECRET";
    private static final Logger DRIVER = Logger.getLogger("org.postgresql");

    private final List<String> traced = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (traced) {
                traced.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level before;

    @BeforeEach
    void traceTheDriver() {
        before = DRIVER.getLevel();
        DRIVER.setLevel(Level.FINEST);
        capture.setLevel(Level.ALL);
        DRIVER.addHandler(capture);
    }

    @AfterEach
    void restore() {
        DRIVER.removeHandler(capture);
        DRIVER.setLevel(before);
    }

    @Test
    void theUrlReachesTheDriverOnlyWhenTheFeedIsAdded() {
        try (TestDatabase database = TestDatabase.postgres()) {
            BokitJdbc stores = BokitJdbc.builder(database.dataSource())
                    .initialize(InitializeMode.ALWAYS)
                    .build();
            stores.feedCatalog()
                    .saveCalendar(new io.bokit.core.domain.Calendar(CalendarKey.of("sea"), "Sea", ZoneOffset.UTC));
            Feed feed = new Feed(
                    CalendarKey.of("sea"),
                    FeedId.of("airbnb"),
                    "airbnb",
                    FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=" + SECRET),
                    true,
                    FetchState.NEVER);
            stores.feedCatalog().saveFeed(feed);
            assertThat(text())
                    .as("the driver logs its bind parameters at this level")
                    .contains(SECRET);

            synchronized (traced) {
                traced.clear();
            }
            stores.feedCatalog().setEnabled(feed.id(), false);
            stores.feedCatalog().setEnabled(feed.id(), true);
            stores.feedCatalog().updateFetchState(feed.id(), FetchState.NEVER);
            stores.feedCatalog().feeds();

            assertThat(text()).as("statements were traced").isNotEmpty().doesNotContain(SECRET);
        }
    }

    private String text() {
        synchronized (traced) {
            return String.join("\n", traced);
        }
    }
}
