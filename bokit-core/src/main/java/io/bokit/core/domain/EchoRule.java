package io.bokit.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of a calendar's bookings an export sends to a channel, so that no channel sees its own bookings
 * come back and no echo is passed on to a third channel.
 *
 * <p>An <em>echo</em> is a block ({@link BookingStatus#isBlock()}) in feed F whose check-in and check-out
 * equal those of an original from another feed G: the copy channel F made of what bokit exported to it
 * (channels rewrite UIDs, so only the dates can recognise it). Every entry that is not a block is an
 * original. Of several blocks with the same dates in different feeds, the one seen first is the
 * original (it must have existed before bokit could export it), the later ones in other feeds are
 * its echoes; blocks of the feed the original is in stay originals. Echoes leave every export; an
 * export for a target feed also leaves out that feed's own bookings. Pure and thread-safe.
 */
public final class EchoRule {

    private EchoRule() {}

    /**
     * Whether a booking is active: not soft-deleted and in a status that blocks dates.
     *
     * @param booking the booking, not null
     * @return whether an export can show it
     */
    public static boolean active(Booking booking) {
        return !booking.deleted() && booking.status().blocksDates();
    }

    /**
     * The echoes among a calendar's bookings, with no first-seen times known: blocks that compete are
     * ordered by feed id, then key.
     *
     * @see #echoes(Collection, Function)
     */
    public static Set<Booking> echoes(Collection<Booking> bookings) {
        return echoes(bookings, booking -> null);
    }

    /**
     * The echoes among a calendar's bookings (inactive ones are ignored: they are never echoes and
     * never make one).
     *
     * @param bookings one calendar's bookings, not null
     * @param firstSeen when a block was first imported, or null when unknown (unknown counts as earlier
     *     than any known time); asked only for blocks that compete with blocks of another feed
     * @return the echoes, never null
     */
    public static Set<Booking> echoes(Collection<Booking> bookings, Function<Booking, Instant> firstSeen) {
        Objects.requireNonNull(firstSeen, "firstSeen");
        Map<List<Object>, List<Booking>> byDates = new LinkedHashMap<>();
        for (Booking booking : bookings) {
            if (active(booking)) {
                byDates.computeIfAbsent(dates(booking), d -> new ArrayList<>()).add(booking);
            }
        }
        Set<Booking> echoes = new java.util.HashSet<>();
        for (List<Booking> group : byDates.values()) {
            echoes.addAll(echoesInGroup(group, firstSeen));
        }
        return Set.copyOf(echoes);
    }

    /**
     * What an export sends: the active bookings that are not echoes and, for a target feed, not from
     * that feed.
     *
     * @param bookings one calendar's bookings, not null
     * @param target the feed the export is for, or null for an export to no particular feed
     * @param firstSeen as for {@link #echoes(Collection, Function)}
     * @return the bookings to export, in the order given, never null
     */
    public static List<Booking> exported(
            Collection<Booking> bookings, FeedId target, Function<Booking, Instant> firstSeen) {
        Set<Booking> echoes = echoes(bookings, firstSeen);
        List<Booking> exported = new ArrayList<>();
        for (Booking booking : bookings) {
            if (active(booking) && !echoes.contains(booking) && !booking.feed().equals(target)) {
                exported.add(booking);
            }
        }
        return List.copyOf(exported);
    }

    private static List<Object> dates(Booking booking) {
        return List.of(booking.current().checkIn(), booking.current().checkOut());
    }

    private static List<Booking> echoesInGroup(List<Booking> group, Function<Booking, Instant> firstSeen) {
        // the feeds that hold an original with these dates: every non-block, then blocks by seniority
        Set<FeedId> originalFeeds = new java.util.HashSet<>();
        List<Booking> blocks = new ArrayList<>();
        for (Booking booking : group) {
            if (booking.status().isBlock()) {
                blocks.add(booking);
            } else {
                originalFeeds.add(booking.feed());
            }
        }
        if (blocks.isEmpty()) {
            return List.of();
        }
        boolean competing = blocks.stream().map(Booking::feed).distinct().count() > 1;
        Map<Booking, Instant> seen = new HashMap<>();
        if (competing) {
            blocks.forEach(block -> seen.put(block, firstSeen.apply(block)));
        }
        blocks.sort(Comparator.<Booking, Instant>comparing(seen::get, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(b -> b.feed().value())
                .thenComparing(b -> b.key().uid())
                .thenComparing(b -> b.key().recurrenceId(), Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Booking> echoes = new ArrayList<>();
        for (Booking block : blocks) {
            boolean echo = originalFeeds.stream().anyMatch(feed -> !feed.equals(block.feed()));
            if (echo) {
                echoes.add(block);
            } else {
                originalFeeds.add(block.feed());
            }
        }
        return echoes;
    }
}
