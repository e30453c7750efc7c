package io.bokit.core.application;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.Overlap;
import io.bokit.core.domain.Overlaps;
import io.bokit.core.domain.Secrets;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.DoubleBookingsPort;
import io.bokit.core.port.out.FeedCatalogPort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at one calendar after a change was applied to it ({@link Overlaps}), and opens and closes the double-booking
 * records to match, telling the listeners and logging {@code [SyncJob] Double booking …} (WARN) for each opened
 * and {@code [SyncJob] Double booking closed …} (INFO) for each closed. Looks are serialised, so feeds of one
 * calendar synced in parallel never open one overlap twice. A failure is logged and never fails the sync.
 */
final class DoubleBookingDetector {
    private static final Logger log = LoggerFactory.getLogger(DoubleBookingDetector.class);

    private final DoubleBookingsPort records;
    private final BookingStorePort store;
    private final FeedCatalogPort catalog;
    private final ClockPort clock;
    private final Listeners listeners;
    private final Supplier<Duration> copyLag;

    DoubleBookingDetector(
            DoubleBookingsPort records,
            BookingStorePort store,
            FeedCatalogPort catalog,
            ClockPort clock,
            Listeners listeners,
            Supplier<Duration> copyLag) {
        this.records = records;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.listeners = listeners;
        this.copyLag = copyLag;
    }

    /** Whether records are kept at all ({@link DoubleBookingsPort#none()} keeps none: nothing is read). */
    boolean enabled() {
        return records != DoubleBookingsPort.none();
    }

    /**
     * Looks at one calendar.
     *
     * @return the records this look opened; empty when it failed (logged)
     */
    synchronized List<DoubleBooking> look(Calendar calendar) {
        if (!enabled()) {
            return List.of();
        }
        try {
            return lookAt(calendar);
        } catch (RuntimeException e) {
            log.warn(
                    "[SyncJob] Could not look for double bookings in {}: {}",
                    calendar.key(),
                    Secrets.mask(e.toString()));
            return List.of();
        }
    }

    /** How many records are open now; 0 when the store cannot be read (logged). */
    int openCount() {
        if (!enabled()) {
            return 0;
        }
        try {
            return records.listOpen(null).size();
        } catch (RuntimeException e) {
            log.warn("[SyncJob] Could not count the open double bookings: {}", Secrets.mask(e.toString()));
            return 0;
        }
    }

    private List<DoubleBooking> lookAt(Calendar calendar) {
        Instant now = clock.now();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        // inactive and soft-deleted bookings too: they can make echoes (EchoRule); a day back keeps check-out == today
        List<Booking> bookings = store.find(new BookingQuery(calendar.key(), today.minusDays(1), null, Set.of(), true));
        List<Overlap> found = Overlaps.find(bookings, new HistoryTimes(store, calendar.key(), copyLag.get()), today);
        Overlaps.Changes changes = Overlaps.compare(records.listOpen(calendar.key()), found);
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<BookingRef, Booking> byRef =
                bookings.stream().collect(Collectors.toMap(BookingRef::of, Function.identity(), (a, b) -> a));
        Map<String, String> names = catalog.feeds().stream()
                .filter(feed -> feed.calendar().equals(calendar.key()))
                .collect(Collectors.toMap(feed -> feed.id().value(), Feed::name, (a, b) -> a));
        for (DoubleBooking record : changes.closed()) {
            if (records.close(record.overlap(), now)) {
                DoubleBooking closed = record.closed(now);
                log.info(
                        "[SyncJob] Double booking closed {} {} {}",
                        calendar.key(),
                        closed.overlap().dates(),
                        json(closed.overlap(), byRef, names));
                listeners.doubleBookingClosed(closed);
            }
        }
        List<DoubleBooking> opened = new ArrayList<>();
        for (Overlap overlap : changes.opened()) {
            if (records.open(overlap, now)) {
                DoubleBooking record = DoubleBooking.opened(overlap, now);
                log.warn(
                        "[SyncJob] Double booking {} {} {}",
                        calendar.key(),
                        overlap.dates(),
                        json(overlap, byRef, names));
                listeners.doubleBookingOpened(record);
                opened.add(record);
            }
        }
        return List.copyOf(opened);
    }

    /** {@code {"nights":n,"bookings":["<feed name> <key> <stay>", …]}}: feed names, never URLs. */
    private static String json(Overlap overlap, Map<BookingRef, Booking> byRef, Map<String, String> names) {
        return "{\"nights\":" + overlap.nights() + ",\"bookings\":[" + side(overlap.first(), byRef, names) + ","
                + side(overlap.second(), byRef, names) + "]}";
    }

    private static String side(BookingRef ref, Map<BookingRef, Booking> byRef, Map<String, String> names) {
        Booking booking = byRef.get(ref);
        String name = names.getOrDefault(ref.feed().value(), ref.feed().value());
        String stay = booking == null
                ? ""
                : " " + booking.current().checkIn() + ".." + booking.current().checkOut();
        String text = Secrets.mask(name + " " + ref.key() + stay);
        return "\"" + text.replace("\\", "\\\\").replace("\"", "'") + "\"";
    }
}
