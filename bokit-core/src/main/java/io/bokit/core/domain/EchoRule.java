package io.bokit.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a calendar's bookings an export sends to a channel, so that no channel sees its own bookings
 * come back and no echo is passed on to a third channel.
 *
 * <p>An <em>echo</em> is a block ({@link BookingStatus#isBlock()}) in feed F whose check-in and check-out
 * equal those of an original from another feed G: the copy channel F made of what bokit exported to it
 * (channels rewrite UIDs, so only the dates can recognise it). Every active entry that is not a block is an
 * original. Of several blocks with the same dates in different feeds, the one seen first is the
 * original (it must have existed before bokit could export it), the later ones in other feeds are its
 * echoes; blocks of the feed an original is in stay originals. A booking bokit no longer exports
 * (vanished, cancelled, soft-deleted) still makes an echo of a block of another feed that was first seen
 * before that booking last changed, and a booking that moved still makes an echo of a block of another feed with
 * its former dates that was first seen before it left them: the channel has not yet dropped or moved its copy.
 * "Before" allows {@link Times#lag()}: a channel that read the export just before the change shows its copy to
 * bokit only at bokit's next read of its feed. Echoes leave every export;
 * an export for a target feed also leaves out that feed's own bookings. The host's own bookings (sources
 * {@link FeedId#local()} and {@link FeedId#host()}) are sources like any feed, and never a target, so every
 * export sends them. Pure and thread-safe.
 */
public final class EchoRule {

    /** What the change history says of a booking; either time may be unknown (null), which counts as long ago. */
    public interface Times {
        /**
         * When the booking was first imported.
         *
         * @return the time, or null when unknown
         */
        Instant firstSeen(Booking booking);

        /**
         * When the booking last changed (for one bokit no longer exports: when it stopped being exported, or later).
         *
         * @return the time, or null when unknown
         */
        Instant lastChanged(Booking booking);

        /**
         * The dates a booking held before it moved, newest first, each with when it left them.
         *
         * @return the former dates, never null; empty when it never moved or nothing is known
         */
        default List<FormerDates> formerDates(Booking booking) {
            return List.of();
        }

        /**
         * How long after a booking left its dates (or stopped being exported) a channel's copy of them may still be
         * first imported: the channel may have read the export just before the change, and bokit reads the
         * channel's feed only at its next sync.
         *
         * @return the lag, zero or more
         */
        default Duration lag() {
            return Duration.ZERO;
        }

        /** No times known: competing blocks are ordered by feed id and key, and inactive bookings make no echo. */
        static Times unknown() {
            return new Times() {
                @Override
                public Instant firstSeen(Booking booking) {
                    return null;
                }

                @Override
                public Instant lastChanged(Booking booking) {
                    return null;
                }
            };
        }
    }

    /**
     * Dates a booking held before it moved.
     *
     * @param checkIn the former check-in, not null
     * @param checkOut the former check-out, not null
     * @param leftAt when the booking moved off them, not null
     */
    public record FormerDates(LocalDate checkIn, LocalDate checkOut, Instant leftAt) {
        public FormerDates {
            Objects.requireNonNull(checkIn, "checkIn");
            Objects.requireNonNull(checkOut, "checkOut");
            Objects.requireNonNull(leftAt, "leftAt");
        }
    }

    private static final Comparator<Instant> LONG_AGO_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

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
     * The echoes among a calendar's bookings.
     *
     * @param bookings one calendar's bookings, inactive ones included (they can make echoes), not null
     * @param times what the history says; asked only where it can decide (blocks of several feeds with the same
     *     dates and no stay of another feed, or a block with the dates of a booking no longer exported), not null
     * @return the echoes (always active blocks), never null
     */
    public static Set<Booking> echoes(Collection<Booking> bookings, Times times) {
        Objects.requireNonNull(times, "times");
        Map<List<Object>, List<Booking>> byDates = new LinkedHashMap<>();
        for (Booking booking : bookings) {
            byDates.computeIfAbsent(dates(booking), d -> new ArrayList<>()).add(booking);
        }
        Set<Booking> echoes = new HashSet<>();
        FormerIndex former = new FormerIndex(bookings, times);
        for (List<Booking> group : byDates.values()) {
            echoes.addAll(echoesInGroup(group, times, former));
        }
        return Set.copyOf(echoes);
    }

    /**
     * What an export sends: the active bookings that are not echoes and, for a target feed, not from
     * that feed.
     *
     * @param bookings one calendar's bookings, inactive ones included, not null
     * @param target the feed the export is for, or null for an export to no particular feed
     * @param times as for {@link #echoes(Collection, Times)}
     * @return the bookings to export, in the order given, never null
     */
    public static List<Booking> exported(Collection<Booking> bookings, FeedId target, Times times) {
        Set<Booking> echoes = echoes(bookings, times);
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

    private static List<Booking> echoesInGroup(List<Booking> group, Times times, FormerIndex former) {
        Set<FeedId> originalFeeds = new HashSet<>();
        List<Booking> blocks = new ArrayList<>();
        List<Booking> past = new ArrayList<>();
        for (Booking booking : group) {
            if (!active(booking)) {
                past.add(booking);
            } else if (booking.status().isBlock()) {
                blocks.add(booking);
            } else {
                originalFeeds.add(booking.feed());
            }
        }
        List<Booking> echoes = new ArrayList<>();
        List<Booking> undecided = new ArrayList<>();
        for (Booking block : blocks) {
            // the common case, a copy of a stay of another feed, needs no history
            (otherFeed(originalFeeds, block.feed()) ? echoes : undecided).add(block);
        }
        if (undecided.isEmpty()) {
            return echoes;
        }
        // a booking of another feed that held these dates before it moved: its copy may still be there
        Set<FeedId> blockFeeds = new HashSet<>();
        undecided.forEach(block -> blockFeeds.add(block.feed()));
        Map<Booking, Instant> moved = former.left(dates(group.get(0)), blockFeeds);
        // first-seen times are read only when they can decide: several feeds' blocks, or a booking gone or moved
        boolean timesMatter = past.stream().anyMatch(p -> undecided.stream()
                        .anyMatch(b -> !b.feed().equals(p.feed())))
                || !moved.isEmpty()
                || undecided.stream().map(Booking::feed).distinct().count() > 1;
        Map<Booking, Instant> firstSeen = new HashMap<>();
        if (timesMatter) {
            undecided.forEach(block -> firstSeen.put(block, times.firstSeen(block)));
        }
        undecided.sort(Comparator.<Booking, Instant>comparing(firstSeen::get, LONG_AGO_FIRST)
                .thenComparing(b -> b.feed().value())
                .thenComparing(b -> b.key().uid())
                .thenComparing(b -> b.key().recurrenceId(), Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Booking block : undecided) {
            Instant seen = firstSeen.get(block);
            boolean echo = otherFeed(originalFeeds, block.feed())
                    || past.stream()
                            .anyMatch(gone -> !gone.feed().equals(block.feed())
                                    && seenBy(seen, times.lastChanged(gone), times.lag()))
                    || moved.entrySet().stream()
                            .anyMatch(left -> !left.getKey().feed().equals(block.feed())
                                    && seenBy(seen, left.getValue(), times.lag()));
            if (echo) {
                echoes.add(block);
            } else {
                originalFeeds.add(block.feed());
            }
        }
        return echoes;
    }

    /** Whether a block first seen then (null: long ago) was seen by the time {@code until} (null: long ago) plus the lag. */
    private static boolean seenBy(Instant seen, Instant until, Duration lag) {
        if (until == null) {
            return false;
        }
        return seen == null || !seen.isAfter(until.plus(lag));
    }

    /**
     * Which active bookings held which dates before they moved, asked of the times only when a block could be a copy,
     * and only of the feeds whose bookings could be the original of such a block (never the block's own feed).
     */
    private static final class FormerIndex {
        private final Map<FeedId, List<Booking>> activeByFeed = new HashMap<>();
        private final Times times;
        private final Map<FeedId, Map<List<Object>, Map<Booking, Instant>>> byFeed = new HashMap<>();

        FormerIndex(Collection<Booking> bookings, Times times) {
            for (Booking booking : bookings) {
                if (active(booking)) { // a gone booking makes echoes of its last dates already
                    activeByFeed
                            .computeIfAbsent(booking.feed(), f -> new ArrayList<>())
                            .add(booking);
                }
            }
            this.times = times;
        }

        /**
         * The active bookings that left these dates (check-in, check-out), each with when it last left them, among
         * the feeds other than the blocks' own when they all come from one feed.
         */
        Map<Booking, Instant> left(List<Object> dates, Set<FeedId> blockFeeds) {
            Map<Booking, Instant> left = new LinkedHashMap<>();
            for (FeedId feed : activeByFeed.keySet()) {
                if (blockFeeds.size() == 1 && blockFeeds.contains(feed)) {
                    continue; // a feed's own moved stay is never the original of its own block
                }
                left.putAll(byFeed.computeIfAbsent(feed, this::index).getOrDefault(dates, Map.of()));
            }
            return left;
        }

        private Map<List<Object>, Map<Booking, Instant>> index(FeedId feed) {
            Map<List<Object>, Map<Booking, Instant>> byDates = new HashMap<>();
            for (Booking booking : activeByFeed.get(feed)) {
                for (FormerDates former : times.formerDates(booking)) {
                    byDates.computeIfAbsent(List.of(former.checkIn(), former.checkOut()), d -> new LinkedHashMap<>())
                            .merge(booking, former.leftAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            return byDates;
        }
    }

    private static boolean otherFeed(Set<FeedId> feeds, FeedId feed) {
        return feeds.stream().anyMatch(other -> !other.equals(feed));
    }
}
