package io.bokit.reliability;

import io.bokit.core.domain.FeedId;
import io.bokit.reliability.LoopChannel.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The loop simulation's script, drawn from one seeded {@link Random}: in each interval every channel may sell a stay
 * on nights it shows free, cancel one of its future stays or move one to other free nights; now and then two
 * channels sell overlapping nights in the same interval (a double booking on purpose); the host cancels the later
 * side of every double booking a few intervals after it happened, as it would once told; and each feed may be served
 * one of the {@link FeedFault}s that fail a feed or empty it, never twice in a row for one feed.
 */
final class LoopScenario {
    private static final double SELL = 0.20;
    private static final double CANCEL = 0.06;
    private static final double MOVE = 0.06;
    private static final double DOUBLE_SALE = 0.04;
    private static final double FAULT = 0.06;
    /** Stays start from tomorrow to this many days ahead. */
    private static final int HORIZON_DAYS = 90;

    private static final List<FeedFault> FAULTS = List.copyOf(EnumSet.complementOf(EnumSet.of(FeedFault.HALF_GONE)));

    private final Random random;
    private final Map<FeedId, Integer> lastFault = new HashMap<>();
    private final Map<LoopObserver.Pair, Integer> patience = new HashMap<>();

    LoopScenario(long seed) {
        this.random = new Random(seed);
    }

    /** What happens on the channels in one interval, told to the observer. */
    void act(int interval, LocalDate today, List<LoopChannel> channels, LoopObserver observer) {
        resolveDoubleBookings(interval, channels, observer);
        if (random.nextDouble() < DOUBLE_SALE) {
            sellTwice(interval, today, channels, observer);
        }
        for (LoopChannel channel : channels) {
            if (random.nextDouble() < SELL) {
                sell(interval, today, channel, observer);
            }
            if (random.nextDouble() < CANCEL) {
                future(channel, today).ifPresent(stay -> {
                    channel.cancel(stay);
                    observer.cancelled(stay, interval);
                });
            }
            if (random.nextDouble() < MOVE) {
                future(channel, today).ifPresent(stay -> move(interval, today, stay, observer));
            }
        }
    }

    /** The fault a feed is served in an interval, or null for its real calendar. */
    FeedFault faultFor(LoopChannel channel, int interval) {
        Integer last = lastFault.get(channel.feed());
        if ((last != null && last == interval - 1) || random.nextDouble() >= FAULT) {
            return null;
        }
        lastFault.put(channel.feed(), interval);
        return FAULTS.get(random.nextInt(FAULTS.size()));
    }

    private void sell(int interval, LocalDate today, LoopChannel channel, LoopObserver observer) {
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate in = today.plusDays(1 + random.nextInt(HORIZON_DAYS));
            LocalDate out = in.plusDays(1 + random.nextInt(5));
            if (channel.free(in, out)) {
                observer.sold(channel.sell(in, out, interval), interval);
                return;
            }
        }
    }

    /** Two channels that both show the nights free sell overlapping stays, sometimes on the very same dates. */
    private void sellTwice(int interval, LocalDate today, List<LoopChannel> channels, LoopObserver observer) {
        List<LoopChannel> pair = new ArrayList<>(channels);
        LoopChannel first = pair.remove(random.nextInt(pair.size()));
        LoopChannel second = pair.get(random.nextInt(pair.size()));
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate in = today.plusDays(2 + random.nextInt(HORIZON_DAYS));
            LocalDate out = in.plusDays(2 + random.nextInt(4));
            boolean same = random.nextInt(3) == 0;
            LocalDate otherIn = same ? in : in.plusDays(random.nextInt(3) - 1);
            LocalDate otherOut = same ? out : out.plusDays(random.nextInt(3) - 1);
            if (first.free(in, out) && second.free(otherIn, otherOut)) {
                observer.soldTwice(first.sell(in, out, interval), second.sell(otherIn, otherOut, interval), interval);
                return;
            }
        }
    }

    /** The host cancels the later-sold side of each double booking, 3 to 6 intervals after it began. */
    private void resolveDoubleBookings(int interval, List<LoopChannel> channels, LoopObserver observer) {
        Map<String, Stay> byRef = new HashMap<>();
        channels.forEach(channel -> channel.active().forEach(stay -> byRef.put(stay.ref(), stay)));
        observer.realOverlaps().forEach((pair, since) -> {
            int wait = patience.computeIfAbsent(pair, p -> 3 + random.nextInt(4));
            Stay a = byRef.get(pair.first());
            Stay b = byRef.get(pair.second());
            if (interval - since >= wait && a != null && b != null && !a.cancelled && !b.cancelled) {
                Stay later =
                        a.soldAt > b.soldAt || (a.soldAt == b.soldAt && a.ref().compareTo(b.ref()) > 0) ? a : b;
                later.channel.cancel(later);
                observer.cancelled(later, interval);
            }
        });
    }

    private void move(int interval, LocalDate today, Stay stay, LoopObserver observer) {
        LocalDate oldIn = stay.checkIn;
        LocalDate oldOut = stay.checkOut;
        for (int attempt = 0; attempt < 20; attempt++) {
            long shift = random.nextBoolean() ? random.nextInt(5) - 2 : random.nextInt(2 * HORIZON_DAYS) - HORIZON_DAYS;
            LocalDate in = oldIn.plusDays(shift);
            LocalDate out = in.plusDays(1 + random.nextInt(5));
            boolean changed = !in.equals(oldIn) || !out.equals(oldOut);
            if (changed && in.isAfter(today) && stay.channel.freeFor(stay, in, out)) {
                stay.channel.move(stay, in, out);
                observer.moved(stay, oldIn, oldOut, interval);
                return;
            }
        }
    }

    /** A random stay of the channel that has not started yet. */
    private Optional<Stay> future(LoopChannel channel, LocalDate today) {
        List<Stay> future = channel.active().stream()
                .filter(stay -> stay.checkIn.isAfter(today))
                .toList();
        return future.isEmpty() ? Optional.empty() : Optional.of(future.get(random.nextInt(future.size())));
    }
}
