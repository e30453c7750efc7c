package io.bokit.core.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The double-booking rule: two active bookings of one calendar from different sources (two feeds, or a feed and
 * {@link FeedId#local()}) whose stays share a night, where neither is an echo ({@link EchoRule}: a channel's copy
 * of what bokit exported to it). The check-out day is exclusive, so back-to-back stays do not overlap; a stay that
 * ends the day it starts holds that one day (as the export sends it). Only overlaps whose last night is today or
 * later count: a past one is history. Pure and thread-safe.
 */
public final class Overlaps {
    private static final Comparator<Booking> BY_CHECK_IN = Comparator.comparing(
                    (Booking booking) -> booking.current().checkIn())
            .thenComparing(BookingRef::of);

    private Overlaps() {}

    /**
     * The overlaps among one calendar's bookings.
     *
     * @param bookings one calendar's bookings, inactive ones included (they can make echoes), not null
     * @param times what the history says, for {@link EchoRule#echoes}, not null
     * @param today today in the calendar's zone: overlaps whose nights all end before it are left out
     * @return the overlaps, sorted by first night, then by the pair; never null
     * @throws InvalidInputException if the bookings are of more than one calendar
     */
    public static List<Overlap> find(Collection<Booking> bookings, EchoRule.Times times, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Set<CalendarKey> calendars = new HashSet<>();
        bookings.forEach(booking -> calendars.add(booking.calendar()));
        if (calendars.size() > 1) {
            throw new InvalidInputException("Overlaps are found within one calendar, not across " + calendars);
        }
        Set<Booking> echoes = EchoRule.echoes(bookings, times);
        List<Booking> stays = bookings.stream()
                .filter(booking -> EchoRule.active(booking) && !echoes.contains(booking))
                .filter(booking -> end(booking).isAfter(today))
                .sorted(BY_CHECK_IN)
                .toList();
        Set<Overlap> found = new LinkedHashSet<>();
        for (int i = 0; i < stays.size(); i++) {
            Booking a = stays.get(i);
            for (int j = i + 1; j < stays.size(); j++) {
                Booking b = stays.get(j);
                if (!b.current().checkIn().isBefore(end(a))) {
                    break; // sorted by check-in: no later stay starts before a ends
                }
                if (a.feed().equals(b.feed())) {
                    continue;
                }
                LocalDate from = b.current().checkIn(); // the later check-in, as sorted
                LocalDate to = end(a).isBefore(end(b)) ? end(a) : end(b);
                if (to.isAfter(today)) {
                    found.add(of(a, b, from, to));
                }
            }
        }
        List<Overlap> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(Overlap::from)
                .thenComparing(Overlap::first)
                .thenComparing(Overlap::second));
        return List.copyOf(sorted);
    }

    /**
     * What changes in the records when the overlaps found now replace those recorded: an overlap not recorded
     * opens, an open record not found any more closes (a side vanished, was cancelled or moved). A pair whose shared
     * nights changed closes its old record and opens a new one.
     *
     * @param open the open records of the calendars looked at, not null
     * @param found the overlaps found now in those calendars, not null
     * @return what to open and what to close, never null
     */
    public static Changes compare(Collection<DoubleBooking> open, Collection<Overlap> found) {
        Set<Overlap> recorded = new HashSet<>();
        open.forEach(record -> recorded.add(record.overlap()));
        Set<Overlap> now = new HashSet<>(found);
        List<Overlap> opened =
                found.stream().filter(o -> !recorded.contains(o)).distinct().toList();
        List<DoubleBooking> closed =
                open.stream().filter(record -> !now.contains(record.overlap())).toList();
        return new Changes(opened, closed);
    }

    /**
     * What one look at a calendar changes.
     *
     * @param opened the overlaps to record as open
     * @param closed the open records to close
     */
    public record Changes(List<Overlap> opened, List<DoubleBooking> closed) {
        public Changes {
            opened = List.copyOf(opened);
            closed = List.copyOf(closed);
        }

        /** Whether nothing changes. */
        public boolean isEmpty() {
            return opened.isEmpty() && closed.isEmpty();
        }
    }

    /** The check-out, or the day after a stay that ends the day it starts. */
    private static LocalDate end(Booking booking) {
        LocalDate checkIn = booking.current().checkIn();
        LocalDate checkOut = booking.current().checkOut();
        return checkOut.isAfter(checkIn) ? checkOut : checkIn.plusDays(1);
    }

    private static Overlap of(Booking a, Booking b, LocalDate from, LocalDate to) {
        BookingRef x = BookingRef.of(a);
        BookingRef y = BookingRef.of(b);
        return x.compareTo(y) < 0
                ? new Overlap(a.calendar(), x, y, from, to)
                : new Overlap(a.calendar(), y, x, from, to);
    }
}
