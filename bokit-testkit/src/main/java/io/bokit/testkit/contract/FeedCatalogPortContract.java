package io.bokit.testkit.contract;

import static io.bokit.testkit.Fixtures.calendar;
import static io.bokit.testkit.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.FetchState;
import io.bokit.core.port.out.FeedCatalogPort;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link FeedCatalogPort}. To run it against an implementation, extend it and
 * implement {@link #newStore()}: empty the store, then return a supplier of new port instances over
 * it, e.g. {@code var store = new InMemoryFeedCatalog.Store(); return () -> new
 * InMemoryFeedCatalog(store);}. Keys and ids in this suite are lower case, so that any collation
 * sorts them alike.
 */
public abstract class FeedCatalogPortContract extends PortContract<FeedCatalogPort> {

    @Test
    void listsNothingFromEmptyStore() {
        assertThat(port().calendars()).isEmpty();
        assertThat(port().feeds()).isEmpty();
        assertThat(port().findCalendar(CalendarKey.of("seaview"))).isEmpty();
        assertThat(port().findFeed(FeedId.of("seaview-airbnb"))).isEmpty();
    }

    @Test
    void findsSavedCalendar() {
        // when
        port().saveCalendar(calendar("seaview"));

        // then
        assertThat(port().findCalendar(CalendarKey.of("seaview"))).contains(calendar("seaview"));
        assertThat(port().calendars()).containsExactly(calendar("seaview"));
    }

    @Test
    void replacesCalendarWithSameKey() {
        // given
        port().saveCalendar(calendar("seaview"));
        Calendar renamed = new Calendar(CalendarKey.of("seaview"), "Sea View Loft", ZoneId.of("America/New_York"));

        // when
        port().saveCalendar(renamed);

        // then
        assertThat(port().calendars()).containsExactly(renamed);
    }

    @Test
    void listsCalendarsSortedByKey() {
        // given
        port().saveCalendar(calendar("mountain"));
        port().saveCalendar(calendar("beach-house"));
        port().saveCalendar(calendar("seaview"));

        // when / then
        assertThat(port().calendars())
                .containsExactly(calendar("beach-house"), calendar("mountain"), calendar("seaview"));
    }

    @Test
    void removesCalendarOnce() {
        // given
        port().saveCalendar(calendar("seaview"));
        port().saveCalendar(calendar("mountain"));

        // when / then
        assertThat(port().removeCalendar(CalendarKey.of("seaview"))).isTrue();
        assertThat(port().removeCalendar(CalendarKey.of("seaview"))).isFalse();
        assertThat(port().findCalendar(CalendarKey.of("seaview"))).isEmpty();
        assertThat(port().calendars()).containsExactly(calendar("mountain"));
    }

    @Test
    void findsSavedFeedWithEveryField() {
        // given
        port().saveCalendar(calendar("seaview"));
        Feed feed = new Feed(
                CalendarKey.of("seaview"),
                FeedId.of("seaview-beds24"),
                "Beds24",
                FeedUrl.parse("https://api.beds24.com/ical/bookings.ics?key=secret"),
                false,
                fetchState(2));

        // when
        port().saveFeed(feed);

        // then
        assertThat(port().findFeed(FeedId.of("seaview-beds24"))).contains(feed);
        assertThat(port().feeds()).containsExactly(feed);
    }

    @Test
    void replacesFeedWithSameIdFetchStateIncluded() {
        // given
        port().saveFeed(feed("seaview", "seaview-airbnb").withFetchState(fetchState(3)));
        Feed replacement = feed("mountain", "seaview-airbnb").withEnabled(false);

        // when
        port().saveFeed(replacement);

        // then
        assertThat(port().feeds()).containsExactly(replacement);
    }

    @Test
    void listsFeedsSortedById() {
        // given
        port().saveFeed(feed("seaview", "seaview-vrbo"));
        port().saveFeed(feed("seaview", "seaview-airbnb").withEnabled(false));
        port().saveFeed(feed("mountain", "mountain-booking"));

        // when / then
        assertThat(port().feeds())
                .extracting(Feed::id)
                .containsExactly(FeedId.of("mountain-booking"), FeedId.of("seaview-airbnb"), FeedId.of("seaview-vrbo"));
    }

    @Test
    void removesFeedOnce() {
        // given
        port().saveFeed(feed("seaview", "seaview-airbnb"));
        port().saveFeed(feed("seaview", "seaview-vrbo"));

        // when / then
        assertThat(port().removeFeed(FeedId.of("seaview-airbnb"))).isTrue();
        assertThat(port().removeFeed(FeedId.of("seaview-airbnb"))).isFalse();
        assertThat(port().findFeed(FeedId.of("seaview-airbnb"))).isEmpty();
        assertThat(port().feeds()).containsExactly(feed("seaview", "seaview-vrbo"));
    }

    @Test
    void updatesOnlyFetchState() {
        // given: an operator disables the feed while a run is fetching it
        port().saveFeed(feed("seaview", "seaview-airbnb").withFetchState(fetchState(1)));
        Feed disabled = feed("seaview", "seaview-airbnb").withEnabled(false);
        newInstance().saveFeed(disabled);

        // when
        boolean updated = port().updateFetchState(FeedId.of("seaview-airbnb"), fetchState(2));

        // then
        assertThat(updated).isTrue();
        assertThat(port().findFeed(FeedId.of("seaview-airbnb"))).contains(disabled.withFetchState(fetchState(2)));
    }

    @Test
    void enablesAndDisablesOnlyTheEnabledFlag() {
        // given a feed whose fetch state a run wrote after an operator read it
        port().saveFeed(feed("seaview", "seaview-airbnb").withFetchState(fetchState(1)));
        newInstance().updateFetchState(FeedId.of("seaview-airbnb"), fetchState(2));

        // when the operator disables it
        boolean disabled = port().setEnabled(FeedId.of("seaview-airbnb"), false);

        // then only the flag changed: the run's fetch state stays
        assertThat(disabled).isTrue();
        assertThat(port().findFeed(FeedId.of("seaview-airbnb")))
                .contains(feed("seaview", "seaview-airbnb")
                        .withFetchState(fetchState(2))
                        .withEnabled(false));
        assertThat(port().setEnabled(FeedId.of("seaview-airbnb"), true)).isTrue();
        assertThat(port().findFeed(FeedId.of("seaview-airbnb")).orElseThrow().enabled())
                .isTrue();
        assertThat(port().setEnabled(FeedId.of("no-such-feed"), false)).isFalse();
    }

    @Test
    void updatesNoFetchStateOfUnknownFeed() {
        // given
        port().saveFeed(feed("seaview", "seaview-airbnb"));

        // when
        boolean updated = port().updateFetchState(FeedId.of("seaview-vrbo"), fetchState(1));

        // then
        assertThat(updated).isFalse();
        assertThat(port().feeds()).containsExactly(feed("seaview", "seaview-airbnb"));
    }

    @Test
    void returnsSnapshotsThatLaterWritesDoNotChange() {
        // given
        port().saveCalendar(calendar("seaview"));
        port().saveFeed(feed("seaview", "seaview-airbnb"));
        List<Calendar> calendars = port().calendars();
        List<Feed> feeds = port().feeds();

        // when
        port().saveCalendar(calendar("mountain"));
        port().updateFetchState(FeedId.of("seaview-airbnb"), fetchState(1));
        port().saveFeed(feed("seaview", "seaview-vrbo"));

        // then
        assertThat(calendars).containsExactly(calendar("seaview"));
        assertThat(feeds).containsExactly(feed("seaview", "seaview-airbnb"));
    }

    @Test
    void sharesCatalogBetweenInstancesOverOneStore() {
        // given
        FeedCatalogPort other = newInstance();

        // when
        port().saveCalendar(calendar("seaview"));
        other.saveFeed(feed("seaview", "seaview-airbnb"));

        // then
        assertThat(other.calendars()).containsExactly(calendar("seaview"));
        assertThat(port().feeds()).containsExactly(feed("seaview", "seaview-airbnb"));
    }

    /** A fetch state with every component set, told apart by {@code failures}. */
    private FetchState fetchState(int failures) {
        return new FetchState(
                "\"etag-" + failures + "\"",
                "Sun, 01 Jun 2025 09:00:00 GMT",
                "sha256:" + failures,
                START.minus(Duration.ofMinutes(failures)),
                START.minus(Duration.ofHours(failures)),
                "HTTP 503 from https://channel.example.com/ical?…",
                failures,
                START.plus(Duration.ofMinutes(failures)),
                failures - 1,
                100 + failures,
                failures + 1,
                List.of("no DTSTART (UID b" + failures + "@channel.example.com)", "duplicate UID 'quoted' ünïcode"));
    }
}
