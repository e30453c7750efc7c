package io.bokit.testkit;

import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FetchState;
import io.bokit.core.port.out.FeedCatalogPort;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link FeedCatalogPort} in memory; instances over one {@link Store} share their catalog. */
public final class InMemoryFeedCatalog implements FeedCatalogPort {
    private final Store store;

    /** An instance over a store of its own. */
    public InMemoryFeedCatalog() {
        this(new Store());
    }

    /**
     * An instance over a store that other instances may share.
     *
     * @param store the backing store, not null
     */
    public InMemoryFeedCatalog(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<Calendar> calendars() {
        return List.copyOf(store.calendars.values());
    }

    @Override
    public Optional<Calendar> findCalendar(CalendarKey key) {
        return Optional.ofNullable(store.calendars.get(key.value()));
    }

    @Override
    public void saveCalendar(Calendar calendar) {
        store.calendars.put(calendar.key().value(), calendar);
    }

    @Override
    public boolean removeCalendar(CalendarKey key) {
        return store.calendars.remove(key.value()) != null;
    }

    @Override
    public List<Feed> feeds() {
        return List.copyOf(store.feeds.values());
    }

    @Override
    public Optional<Feed> findFeed(FeedId id) {
        return Optional.ofNullable(store.feeds.get(id.value()));
    }

    @Override
    public void saveFeed(Feed feed) {
        store.feeds.put(feed.id().value(), feed);
    }

    @Override
    public boolean removeFeed(FeedId id) {
        return store.feeds.remove(id.value()) != null;
    }

    @Override
    public boolean updateFetchState(FeedId id, FetchState state) {
        Objects.requireNonNull(state, "state");
        return store.feeds.computeIfPresent(id.value(), (key, feed) -> feed.withFetchState(state)) != null;
    }

    /** The calendars and feeds that several {@link InMemoryFeedCatalog} may share, sorted by key. */
    public static final class Store {
        private final ConcurrentNavigableMap<String, Calendar> calendars = new ConcurrentSkipListMap<>();
        private final ConcurrentNavigableMap<String, Feed> feeds = new ConcurrentSkipListMap<>();

        /** An empty store. */
        public Store() {}
    }
}
