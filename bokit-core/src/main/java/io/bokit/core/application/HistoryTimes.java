package io.bokit.core.application;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.EchoRule;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.port.out.BookingStorePort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When bookings were first imported and last changed, and which dates they held before they moved, read from the
 * change history on demand (only where {@link EchoRule} needs them), at most one history read per feed and instance
 * (one export, or one look for double bookings). A booking whose entries are older than the history read holds is
 * unknown (long ago). The lag is the sync interval: how late a channel's copy made just before a change reaches bokit.
 */
final class HistoryTimes implements EchoRule.Times {
    private static final String CHECK_IN = "checkIn";
    private static final String CHECK_OUT = "checkOut";

    private final BookingStorePort store;
    private final CalendarKey calendar;
    private final Duration lag;
    private final Map<FeedId, Map<BookingKey, Instant[]>> byFeed = new HashMap<>();
    private final Map<FeedId, Map<BookingKey, List<BookingChange>>> dateChanges = new HashMap<>();

    HistoryTimes(BookingStorePort store, CalendarKey calendar, Duration lag) {
        this.store = store;
        this.calendar = calendar;
        this.lag = lag;
    }

    @Override
    public Duration lag() {
        return lag;
    }

    /** Walks the booking's date changes back from its current dates, newest first. */
    @Override
    public List<EchoRule.FormerDates> formerDates(Booking booking) {
        times(booking); // loads the feed's history
        List<BookingChange> changes =
                dateChanges.getOrDefault(booking.feed(), Map.of()).getOrDefault(booking.key(), List.of());
        List<EchoRule.FormerDates> former = new ArrayList<>();
        LocalDate checkIn = booking.current().checkIn();
        LocalDate checkOut = booking.current().checkOut();
        for (int i = 0; i < changes.size(); ) {
            Instant at = changes.get(i).at();
            LocalDate in = checkIn;
            LocalDate out = checkOut;
            for (; i < changes.size() && changes.get(i).at().equals(at); i++) {
                BookingChange change = changes.get(i);
                LocalDate old = date(change.oldValue());
                if (old != null) {
                    in = change.field().equals(CHECK_IN) ? old : in;
                    out = change.field().equals(CHECK_OUT) ? old : out;
                }
            }
            if (!in.equals(checkIn) || !out.equals(checkOut)) {
                former.add(new EchoRule.FormerDates(in, out, at));
                checkIn = in;
                checkOut = out;
            }
        }
        return List.copyOf(former);
    }

    @Override
    public Instant firstSeen(Booking booking) {
        Instant[] times = times(booking);
        return times == null ? null : times[0];
    }

    @Override
    public Instant lastChanged(Booking booking) {
        Instant[] times = times(booking);
        return times == null ? null : times[1];
    }

    private Instant[] times(Booking booking) {
        return byFeed.computeIfAbsent(booking.feed(), this::load).get(booking.key());
    }

    /** Per key: {created (or null), latest change}; the keys' check-in and check-out updates kept aside. */
    private Map<BookingKey, Instant[]> load(FeedId feed) {
        Map<BookingKey, Instant[]> times = new HashMap<>();
        Map<BookingKey, List<BookingChange>> dates = new HashMap<>();
        dateChanges.put(feed, dates);
        if (feed.equals(FeedId.host())) {
            return times; // the host's own tables have no history in bokit: long ago
        }
        // newest first: the first entry of a key is its latest change, the last CREATED its first import
        for (BookingChange change : store.history(new HistoryQuery(calendar, feed, HistoryQuery.MAX_LIMIT))) {
            Instant[] entry = times.computeIfAbsent(change.key(), k -> new Instant[] {null, change.at()});
            if (change.kind() == ChangeKind.CREATED) {
                entry[0] = change.at();
            } else if (change.kind() == ChangeKind.UPDATED
                    && (CHECK_IN.equals(change.field()) || CHECK_OUT.equals(change.field()))) {
                dates.computeIfAbsent(change.key(), k -> new ArrayList<>()).add(change);
            }
        }
        return times;
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null; // not a date this walk can follow: the entry is skipped
        }
    }
}
