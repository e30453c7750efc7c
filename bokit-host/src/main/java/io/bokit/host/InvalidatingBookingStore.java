package io.bokit.host;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.port.out.BookingStorePort;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The host's booking store, telling the export cache of every change written through it: a sync's and a local
 * booking's alike, so an export is built again after any booking of its calendar changed in this process.
 */
final class InvalidatingBookingStore implements BookingStorePort {
    private final BookingStorePort delegate;
    private final ExportServer.Versions versions;

    InvalidatingBookingStore(BookingStorePort delegate, ExportServer.Versions versions) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.versions = Objects.requireNonNull(versions, "versions");
    }

    @Override
    public List<Booking> loadFeedBookings(FeedId feed) {
        return delegate.loadFeedBookings(feed);
    }

    @Override
    public void apply(FeedChangeSet changes) {
        delegate.apply(changes);
        Set<CalendarKey> calendars = new HashSet<>();
        changes.inserts().forEach(booking -> calendars.add(booking.calendar()));
        changes.updates().forEach(booking -> calendars.add(booking.calendar()));
        changes.history().forEach(change -> calendars.add(change.calendar()));
        calendars.forEach(versions::bump);
    }

    @Override
    public List<Booking> find(BookingQuery query) {
        return delegate.find(query);
    }

    @Override
    public List<BookingChange> history(HistoryQuery query) {
        return delegate.history(query);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
