package io.bokit.reliability;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.EchoRule;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.Overlap;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import io.bokit.reliability.LoopChannel.Block;
import io.bokit.reliability.LoopChannel.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Watches the loop simulation and counts: how soon each sale became a block on the other channels, how soon each
 * cancelled or moved stay's nights were free again everywhere, every block a channel kept without a stay behind it
 * (a ghost), every double booking bokit reported (as a {@link SyncListener}) against the stays that really overlapped
 * and against what bokit had been served, every booking row bokit lost, and what each injected fault did. It never
 * asserts by itself: {@link #problems()} lists what went wrong and {@link #summary} prints the counts.
 */
final class LoopObserver implements SyncListener {
    /** Sales must be blocked on every other channel within this many of that channel's re-read periods. */
    static final int BLOCK_WITHIN_PERIODS = 2;
    /** Cancelled and moved-away nights must be free on every channel within this many of its periods. */
    static final int FREE_WITHIN_PERIODS = 3;

    private static final int MAX_PROBLEMS = 25;

    /** One double booking: the two bookings ({@code feed/uid}, in order) and the shared nights. */
    record Pair(String first, String second, LocalDate from, LocalDate to) {
        static Pair of(String a, String b, LocalDate from, LocalDate to) {
            return a.compareTo(b) < 0 ? new Pair(a, b, from, to) : new Pair(b, a, from, to);
        }

        static Pair of(Overlap overlap) {
            return of(ref(overlap.first()), ref(overlap.second()), overlap.from(), overlap.to());
        }

        private static String ref(BookingRef ref) {
            return ref.feed().value() + "/" + ref.key().uid();
        }

        @Override
        public String toString() {
            return first + " & " + second + " " + from + ".." + to;
        }
    }

    /** A stay as bokit was last served it. */
    private record Held(FeedId feed, String ref, LocalDate checkIn, LocalDate checkOut) {}

    /** Something that must show on (or leave) one channel before a deadline. */
    private record Due(String what, Stay stay, LocalDate checkIn, LocalDate checkOut, LoopChannel on, int since) {}

    /** How soon the dues of one kind were met, in re-read periods of the channel concerned. */
    private static final class Latency {
        int met;
        int late;
        int overtaken;
        double slowest;

        void met(int intervals, int period) {
            met++;
            slowest = Math.max(slowest, intervals / (double) period);
        }
    }

    private final List<LoopChannel> channels;
    private final List<String> problems = new ArrayList<>();

    private int sales;
    private int deliberatePairs;
    private int cancellations;
    private int moves;

    private final List<Due> toBlock = new ArrayList<>();
    private final List<Due> toFree = new ArrayList<>();
    private final Latency blocked = new Latency();
    private final Latency freed = new Latency();
    private final Map<String, Integer> staleSince = new HashMap<>();
    private int ghosts;
    private int staleBlocksSeen;

    private final Map<Pair, Integer> realSince = new LinkedHashMap<>();
    private final Set<Pair> everReal = new HashSet<>();
    private final Set<Pair> deliberate = new HashSet<>();
    private final Map<FeedId, List<Held>> served = new HashMap<>();
    private final Set<String> everServed = new HashSet<>();
    private int neverServed;
    private Set<Pair> expectedOpen = Set.of();
    private final Map<Pair, Integer> episodes = new HashMap<>();
    private final Map<Pair, Integer> opened = new HashMap<>();
    private int closed;
    private int mismatchedRuns;

    private final Map<FeedFault, Integer> faults = new EnumMap<>(FeedFault.class);
    private int runs;
    private int feedsSynced;
    private int feedsNotModified;
    private int unexpectedOutcomes;
    private int rowsChecked;
    private int lost;

    LoopObserver(List<LoopChannel> channels) {
        this.channels = List.copyOf(channels);
    }

    // ---- what the script did

    void sold(Stay stay, int interval) {
        sales++;
        dueEverywhereElse(stay, interval);
    }

    /** Two channels sold overlapping nights in one interval, on purpose. */
    void soldTwice(Stay a, Stay b, int interval) {
        sold(a, interval);
        sold(b, interval);
        deliberatePairs++;
        LocalDate from = a.checkIn.isAfter(b.checkIn) ? a.checkIn : b.checkIn;
        LocalDate to = a.checkOut.isBefore(b.checkOut) ? a.checkOut : b.checkOut;
        deliberate.add(Pair.of(a.ref(), b.ref(), from, to));
    }

    void cancelled(Stay stay, int interval) {
        cancellations++;
        dueFree("cancelled " + stay, stay, stay.checkIn, stay.checkOut, interval);
    }

    void moved(Stay stay, LocalDate oldIn, LocalDate oldOut, int interval) {
        moves++;
        dueFree("moved away from " + oldIn + ".." + oldOut + ": " + stay, stay, oldIn, oldOut, interval);
        dueEverywhereElse(stay, interval);
    }

    private void dueEverywhereElse(Stay stay, int interval) {
        for (LoopChannel channel : channels) {
            if (channel != stay.channel) {
                toBlock.add(new Due("sold " + stay, stay, stay.checkIn, stay.checkOut, channel, interval));
            }
        }
    }

    private void dueFree(String what, Stay stay, LocalDate in, LocalDate out, int interval) {
        channels.forEach(channel -> toFree.add(new Due(what, stay, in, out, channel, interval)));
    }

    /** The stays that overlap now, with the interval each overlap was first seen: what a host would resolve. */
    Map<Pair, Integer> realOverlaps() {
        Map<Pair, Integer> sorted = new TreeMap<>(Comparator.comparing(Pair::toString));
        sorted.putAll(realSince);
        return sorted;
    }

    // ---- bokit's run

    /**
     * After bokit's run of an interval: each feed's outcome against the fault it was served, bokit's rows against
     * the rows before, the stays each feed was served, and the open double-booking records against what bokit was
     * served.
     */
    void afterRun(
            int interval,
            LocalDate today,
            SyncReport report,
            Map<FeedId, FeedFault> injected,
            Map<String, Booking> before,
            Map<String, Booking> after,
            List<DoubleBooking> open) {
        runs++;
        rowsChecked += after.size();
        for (String key : before.keySet()) {
            if (!after.containsKey(key)) {
                lost++;
                problem(interval, "booking row gone: " + key);
            }
        }
        for (LoopChannel channel : channels) {
            FeedResult result = report.feed(channel.feed()).orElseThrow();
            FeedFault fault = injected.get(channel.feed());
            if (fault != null) {
                faults.merge(fault, 1, Integer::sum);
                checkFaulted(interval, channel.feed(), fault, result, before, after);
            } else if (result.outcome() == FeedOutcome.SYNCED && !result.held()) {
                feedsSynced++;
                served(channel);
            } else if (result.outcome() == FeedOutcome.NOT_MODIFIED) {
                feedsNotModified++;
                served(channel);
            } else {
                unexpectedOutcomes++;
                problem(
                        interval,
                        channel.feed() + " was served no fault but " + result.outcome() + " "
                                + Objects.toString(result.error(), ""));
            }
        }
        updateRealOverlaps(interval, today);
        checkRecords(interval, today, open);
    }

    private void checkFaulted(
            int interval,
            FeedId feed,
            FeedFault fault,
            FeedResult result,
            Map<String, Booking> before,
            Map<String, Booking> after) {
        boolean expected = fault.expect() == FeedFault.Expect.FAILS
                ? result.outcome() == FeedOutcome.FAILED
                : result.outcome() == FeedOutcome.SYNCED && result.counters().total() == 0;
        if (!expected) {
            unexpectedOutcomes++;
            problem(interval, feed + " served " + fault + " ended " + result.outcome());
        }
        String prefix = feed.value() + "/";
        for (Map.Entry<String, Booking> row : before.entrySet()) {
            if (row.getKey().startsWith(prefix) && !row.getValue().equals(after.get(row.getKey()))) {
                lost++;
                problem(interval, feed + " served " + fault + " changed " + row.getKey());
            }
        }
    }

    /** What bokit was served of a channel's stays in this run. */
    private void served(LoopChannel channel) {
        List<Held> stays = heldNow(channel);
        served.put(channel.feed(), stays);
        stays.forEach(stay -> everServed.add(stay.ref()));
    }

    private static List<Held> heldNow(LoopChannel channel) {
        return channel.active().stream()
                .map(stay -> new Held(channel.feed(), stay.ref(), stay.checkIn, stay.checkOut))
                .toList();
    }

    private void updateRealOverlaps(int interval, LocalDate today) {
        List<Held> truth = new ArrayList<>();
        channels.forEach(channel -> truth.addAll(heldNow(channel)));
        Set<Pair> now = overlaps(truth, today);
        realSince.keySet().retainAll(now);
        now.forEach(pair -> realSince.putIfAbsent(pair, interval));
        everReal.addAll(now);
    }

    /** After the run, the open records are exactly the overlaps among the stays bokit was last served. */
    private void checkRecords(int interval, LocalDate today, List<DoubleBooking> open) {
        List<Held> known = new ArrayList<>();
        served.values().forEach(known::addAll);
        Set<Pair> expected = overlaps(known, today);
        for (Pair pair : expected) {
            if (!expectedOpen.contains(pair)) {
                episodes.merge(pair, 1, Integer::sum);
            }
        }
        expectedOpen = expected;
        Set<Pair> recorded = open.stream()
                .map(record -> Pair.of(record.overlap()))
                .filter(pair -> pair.to().isAfter(today))
                .collect(Collectors.toSet());
        if (!recorded.equals(expected)) {
            mismatchedRuns++;
            Set<Pair> extra = new HashSet<>(recorded);
            extra.removeAll(expected);
            Set<Pair> missing = new HashSet<>(expected);
            missing.removeAll(recorded);
            problem(
                    interval,
                    "open double bookings differ from the stays bokit was served: extra " + extra + ", missing "
                            + missing);
        }
    }

    private static Set<Pair> overlaps(List<Held> stays, LocalDate today) {
        Set<Pair> found = new HashSet<>();
        for (int i = 0; i < stays.size(); i++) {
            Held a = stays.get(i);
            for (int j = i + 1; j < stays.size(); j++) {
                Held b = stays.get(j);
                LocalDate from = a.checkIn().isAfter(b.checkIn()) ? a.checkIn() : b.checkIn();
                LocalDate to = a.checkOut().isBefore(b.checkOut()) ? a.checkOut() : b.checkOut();
                if (!a.feed().equals(b.feed()) && from.isBefore(to) && to.isAfter(today)) {
                    found.add(Pair.of(a.ref(), b.ref(), from, to));
                }
            }
        }
        return found;
    }

    @Override
    public synchronized void doubleBookingOpened(DoubleBooking record) {
        opened.merge(Pair.of(record.overlap()), 1, Integer::sum);
    }

    @Override
    public synchronized void doubleBookingClosed(DoubleBooking record) {
        closed++;
    }

    // ---- the channels' re-reads

    /** After the channels re-read bokit's exports: which dues are met or late, and which blocks are stale. */
    void afterReads(int interval, LocalDate today) {
        checkBlocked(interval);
        checkFreed(interval);
        checkStale(interval, today);
    }

    private void checkBlocked(int interval) {
        for (Iterator<Due> it = toBlock.iterator(); it.hasNext(); ) {
            Due due = it.next();
            Stay stay = due.stay();
            if (stay.cancelled || !stay.checkIn.equals(due.checkIn()) || !stay.checkOut.equals(due.checkOut())) {
                blocked.overtaken++;
                it.remove();
            } else if (hasBlock(due.on(), due.checkIn(), due.checkOut())) {
                blocked.met(interval - due.since(), due.on().period());
                it.remove();
            } else if (interval - due.since() >= BLOCK_WITHIN_PERIODS * due.on().period()) {
                blocked.late++;
                problem(interval, due.what() + ": not blocked on " + due.on() + " since interval " + due.since());
                it.remove();
            }
        }
    }

    private void checkFreed(int interval) {
        for (Iterator<Due> it = toFree.iterator(); it.hasNext(); ) {
            Due due = it.next();
            if (!staleBlock(due.on(), due.checkIn(), due.checkOut())) {
                freed.met(interval - due.since(), due.on().period());
                it.remove();
            } else if (interval - due.since() >= FREE_WITHIN_PERIODS * due.on().period()) {
                freed.late++;
                problem(interval, due.what() + ": still blocked on " + due.on() + " since interval " + due.since());
                it.remove();
            }
        }
    }

    /** Every block without an active stay of another channel on its dates is stale; stale too long is a ghost. */
    private void checkStale(int interval, LocalDate today) {
        Set<String> stale = new HashSet<>();
        for (LoopChannel channel : channels) {
            for (Block block : channel.blocks()) {
                if (block.checkOut().isAfter(today) && !justified(channel, block.checkIn(), block.checkOut())) {
                    String key = channel.feed() + " " + block;
                    stale.add(key);
                    Integer since = staleSince.putIfAbsent(key, interval);
                    if (since == null) {
                        staleBlocksSeen++;
                    } else if (interval - since == FREE_WITHIN_PERIODS * channel.period()) {
                        ghosts++;
                        problem(interval, "ghost block on " + channel + ": " + block + " since interval " + since);
                    }
                }
            }
        }
        staleSince.keySet().retainAll(stale);
    }

    private static boolean hasBlock(LoopChannel channel, LocalDate in, LocalDate out) {
        return channel.blocks().stream()
                .anyMatch(
                        block -> block.checkIn().equals(in) && block.checkOut().equals(out));
    }

    private boolean staleBlock(LoopChannel channel, LocalDate in, LocalDate out) {
        return hasBlock(channel, in, out) && !justified(channel, in, out);
    }

    /** Whether an active stay of another channel has exactly these dates (bokit exports it to this channel). */
    private boolean justified(LoopChannel channel, LocalDate in, LocalDate out) {
        return channels.stream()
                .filter(other -> other != channel)
                .flatMap(other -> other.active().stream())
                .anyMatch(stay -> stay.checkIn.equals(in) && stay.checkOut.equals(out));
    }

    // ---- the end

    /**
     * After the last interval (and the quiet ones that let every channel re-read): every stay is in bokit with its
     * dates and status, no block is stale, and every double booking was reported as often as it was served to bokit.
     */
    void finish(int interval, LocalDate today, Collection<Booking> bookings) {
        Map<String, Booking> byRef = new HashMap<>();
        bookings.forEach(booking ->
                byRef.put(booking.feed().value() + "/" + booking.key().uid(), booking));
        for (LoopChannel channel : channels) {
            for (Stay stay : channel.stays()) {
                Booking booking = byRef.get(stay.ref());
                if (booking == null && stay.cancelled && !everServed.contains(stay.ref())) {
                    neverServed++; // sold and cancelled between two of bokit's reads of the feed: nothing to keep
                    continue;
                }
                boolean right = booking != null
                        && EchoRule.active(booking) == !stay.cancelled
                        && (stay.cancelled
                                || booking.current().checkIn().equals(stay.checkIn)
                                        && booking.current().checkOut().equals(stay.checkOut));
                if (!right) {
                    lost++;
                    problem(interval, "stay " + stay + " is in bokit as " + booking);
                }
            }
        }
        for (String stale : staleSince.keySet()) {
            ghosts++;
            problem(interval, "ghost block at the end: " + stale);
        }
        for (Due due : toBlock) {
            blocked.late++;
            problem(interval, due.what() + ": never blocked on " + due.on());
        }
        for (Due due : toFree) {
            freed.late++;
            problem(interval, due.what() + ": never freed on " + due.on());
        }
        for (Map.Entry<Pair, Integer> report : opened.entrySet()) {
            int times = report.getValue();
            int expected = episodes.getOrDefault(report.getKey(), 0);
            if (echo(report.getKey())) {
                problem(interval, "an echo was reported as a double booking: " + report.getKey());
            } else if (expected > 0 && times != expected) {
                problem(
                        interval,
                        "reported " + times + " times, served to bokit " + expected + " times: " + report.getKey());
            }
        }
        for (Map.Entry<Pair, Integer> served : episodes.entrySet()) {
            if (!opened.containsKey(served.getKey())) {
                problem(interval, "never reported: " + served.getKey());
            }
        }
    }

    /** Whether a side of a reported double booking is no stay of any channel: a block, so an echo or a ghost. */
    private boolean echo(Pair pair) {
        return !isStay(pair.first()) || !isStay(pair.second());
    }

    private boolean isStay(String ref) {
        return channels.stream().flatMap(c -> c.stays().stream()).anyMatch(stay -> stay.ref()
                .equals(ref));
    }

    private int echoesReported() {
        return (int) opened.keySet().stream().filter(pair -> echo(pair)).count();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void problem(int interval, String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add("interval " + interval + ": " + text);
        }
    }

    /** The counts, one block of lines. */
    String summary(String database, long seed, int intervals, int quiet, long millis) {
        int realReported = (int) everReal.stream()
                .filter(pair -> opened.getOrDefault(pair, 0) == 1)
                .count();
        int realUnseen = (int)
                everReal.stream().filter(pair -> !episodes.containsKey(pair)).count();
        int notReal = (int) opened.keySet().stream()
                .filter(pair -> !everReal.contains(pair) && !echo(pair))
                .count();
        int deliberateReported = (int) deliberate.stream()
                .filter(pair -> opened.getOrDefault(pair, 0) == 1)
                .count();
        int reads = channels.stream().mapToInt(LoopChannel::reads).sum();
        int notModified = channels.stream().mapToInt(LoopChannel::notModified).sum();
        int faultCount = faults.values().stream().mapToInt(Integer::intValue).sum();
        return String.join(
                "\n",
                "[reliability] loop simulation (" + database + "): seed " + seed + ", " + intervals
                        + " intervals of 1 h + " + quiet + " quiet, channels "
                        + channels.stream()
                                .map(c -> c.feed() + " every " + c.period() + " h")
                                .collect(Collectors.joining(", "))
                        + ", " + millis + " ms",
                "  bokit: " + runs + " runs, feeds synced " + feedsSynced + ", not modified " + feedsNotModified
                        + ", faults injected " + faultCount + " " + faults + ", unexpected outcomes "
                        + unexpectedOutcomes,
                "  channels: " + sales + " sales (" + deliberatePairs + " double sales on purpose), " + cancellations
                        + " cancellations, " + moves + " date changes; " + reads + " export reads (" + notModified
                        + " answered 304)",
                "  blocked on both other channels: " + blocked.met + " of " + (blocked.met + blocked.late)
                        + " within " + BLOCK_WITHIN_PERIODS + " periods (slowest "
                        + String.format(java.util.Locale.ROOT, "%.2f", blocked.slowest) + "), " + blocked.overtaken
                        + " overtaken by a cancellation or move, " + blocked.late + " late",
                "  freed on every channel: " + freed.met + " of " + (freed.met + freed.late) + " within "
                        + FREE_WITHIN_PERIODS + " periods (slowest "
                        + String.format(java.util.Locale.ROOT, "%.2f", freed.slowest) + "), " + freed.late
                        + " late; stale blocks seen " + staleBlocksSeen + ", ghost blocks " + ghosts
                        + " (at the end " + staleSince.size() + ")",
                "  double bookings: " + everReal.size() + " real (" + deliberate.size() + " on purpose, "
                        + deliberateReported + " of them reported once), " + realReported + " reported exactly once, "
                        + realUnseen + " gone before bokit read both sides, " + notReal
                        + " reported from feeds read at different times, " + echoesReported()
                        + " echoes reported, " + closed + " closed; open records differed from the served stays in "
                        + mismatchedRuns + " runs",
                "  bookings: " + rowsChecked + " rows checked, " + lost + " lost (" + neverServed
                        + " stays sold and cancelled between two reads of their feed, never seen by bokit)");
    }
}
