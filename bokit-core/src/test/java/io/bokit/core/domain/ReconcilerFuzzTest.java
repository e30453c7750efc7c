package io.bokit.core.domain;

import static io.bokit.core.ical.Generators.between;
import static io.bokit.core.ical.Generators.pick;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.fuzz.Fuzz;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the reconciler with generated stored bookings (imported, locally edited, vanished, soft-deleted, past and
 * future) and generated feed events (new, same, changed, repeated keys; empty feeds):
 *
 * <ul>
 *   <li>the counters add up: {@code created + updated + unchanged + skipped == total == events + damaged};
 *   <li>the change set inserts only new keys, updates only stored ones, names no key twice;
 *   <li>a stored booking absent from the feed is only ever vanished or soft-deleted, and only when it is live and
 *       checks out today or later: past bookings absent from the feed are never in the updates;
 *   <li>a key present in the feed is never vanished or deleted;
 *   <li>idempotence: applying the change set and reconciling the same events again changes nothing.
 * </ul>
 *
 * <p>Seeded and bounded for {@code mvn verify}; see {@link Fuzz} for the longer run ({@code -Dbokit.fuzz.tries}).
 */
class ReconcilerFuzzTest {
    private static final LocalDate BASE_DAY = LocalDate.of(2026, 1, 15);
    private static final List<BookingStatus> FEED_STATUSES = List.of(
            BookingStatus.CONFIRMED,
            BookingStatus.UNAVAILABLE,
            BookingStatus.BLOCKED,
            BookingStatus.UNDEFINED,
            BookingStatus.INQUIRY,
            BookingStatus.CANCELLED,
            BookingStatus.CANCELLED_BY_GUEST);
    private static final List<String> GUESTS = List.of("Ann", "Bob", "'; DROP TABLE bokit_booking; --", "Zoë");
    private static final List<String> META_KEYS = List.of("phone", "email", "guests");
    private static final Feed FEED = Feed.of(
            CalendarKey.of("seaview"), FeedId.of("seaview-airbnb"), FeedUrl.parse("https://www.airbnb.com/1.ics?s=x"));

    @Test
    void reconcilingKeepsItsInvariantsAndIsIdempotent() {
        Fuzz.check("reconciler", 2000, ReconcilerFuzzTest::scenario, ReconcilerFuzzTest::check);
    }

    /** Stored bookings, a feed's events and the run's settings. */
    record Scenario(
            LocalDate today,
            int emptyFeedRuns,
            int emptyRunsSoFar,
            List<Booking> stored,
            List<FeedEvent> events,
            int damaged) {}

    static Scenario scenario(Random random) {
        LocalDate today = BASE_DAY.plusDays(between(random, -3, 3));
        Map<BookingKey, Booking> stored = new LinkedHashMap<>();
        for (int k = random.nextInt(10); k > 0; k--) {
            Booking booking = storedBooking(random, key(random), today);
            stored.put(booking.key(), booking);
        }
        List<Booking> storedList = new ArrayList<>(stored.values());
        List<FeedEvent> events = new ArrayList<>();
        int size = random.nextInt(5) == 0 ? 0 : random.nextInt(12);
        for (int k = 0; k < size; k++) {
            if (!storedList.isEmpty() && random.nextBoolean()) {
                // the feed says what it said before, or changes it
                Booking known = pick(random, storedList);
                BookingData data = random.nextBoolean() ? known.baseline() : edit(random, known.baseline(), false);
                events.add(new FeedEvent(known.key(), data));
            } else {
                events.add(new FeedEvent(key(random), data(random, today)));
            }
        }
        return new Scenario(
                today,
                between(random, 1, 3),
                random.nextInt(4),
                storedList,
                events,
                random.nextInt(4) == 0 ? between(random, 1, 3) : 0);
    }

    private static BookingKey key(Random random) {
        String recurrence = random.nextInt(4) == 0 ? "2026-01-0" + between(random, 1, 3) : null;
        return new BookingKey("uid-" + random.nextInt(12), recurrence);
    }

    private static BookingData data(Random random, LocalDate today) {
        LocalDate checkIn = today.plusDays(between(random, -30, 30));
        LocalDate checkOut = checkIn.plusDays(between(random, 0, 10));
        ZonedDateTime start = null;
        ZonedDateTime end = null;
        if (random.nextInt(5) == 0) {
            start = checkIn.atTime(15, 0).atZone(ZoneOffset.UTC);
            end = checkOut.atTime(10, 0).atZone(ZoneOffset.UTC);
            if (end.isBefore(start)) {
                end = start;
            }
        }
        Map<String, String> metadata = new TreeMap<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            metadata.put(pick(random, META_KEYS), "v" + random.nextInt(3));
        }
        return new BookingData(
                pick(random, FEED_STATUSES),
                random.nextInt(4) == 0 ? null : pick(random, GUESTS),
                checkIn,
                checkOut,
                start,
                end,
                metadata);
    }

    /** The data with one field changed (a local edit by the host, or a change in the feed). */
    private static BookingData edit(Random random, BookingData data, boolean local) {
        return switch (random.nextInt(local ? 5 : 4)) {
            case 0 -> new BookingData(
                    data.status(),
                    pick(random, GUESTS) + "!",
                    data.checkIn(),
                    data.checkOut(),
                    data.start(),
                    data.end(),
                    data.metadata());
            case 1 -> new BookingData(
                    data.status(),
                    data.guestName(),
                    data.checkIn(),
                    data.checkOut().plusDays(between(random, 1, 40)),
                    data.start(),
                    data.end() == null ? null : data.end().plusDays(1),
                    data.metadata());
            case 2 -> {
                Map<String, String> metadata = new HashMap<>(data.metadata());
                if (random.nextBoolean() && !metadata.isEmpty()) {
                    metadata.remove(metadata.keySet().iterator().next());
                } else {
                    metadata.put(pick(random, META_KEYS), "edited");
                }
                yield new BookingData(
                        data.status(),
                        data.guestName(),
                        data.checkIn(),
                        data.checkOut(),
                        data.start(),
                        data.end(),
                        metadata);
            }
            case 3 -> data.withStatus(pick(random, FEED_STATUSES));
            default -> data.withStatus(BookingStatus.CANCELLED_BY_OWNER);
        };
    }

    /** A booking as the store could hold it: just imported, edited locally, vanished or soft-deleted. */
    private static Booking storedBooking(Random random, BookingKey key, LocalDate today) {
        BookingData baseline = data(random, today);
        Booking booking = Booking.imported(FEED.calendar(), FEED.id(), key, baseline);
        return switch (random.nextInt(5)) {
            case 0 -> booking.withCurrent(edit(random, baseline, true));
            case 1 -> booking.withCurrent(baseline.withStatus(BookingStatus.VANISHED));
            case 2 -> baseline.status().isBlock() ? booking.with(baseline, baseline, true) : booking;
            default -> booking;
        };
    }

    static String check(Scenario scenario) {
        Reconciler reconciler =
                new Reconciler(scenario.today(), Instant.parse("2026-01-15T12:00:00Z"), scenario.emptyFeedRuns());
        Feed feed = FEED.withFetchState(emptyRuns(scenario.emptyRunsSoFar()));
        Reconciliation result = reconciler.reconcile(feed, scenario.stored(), scenario.events(), scenario.damaged());

        SyncCounters counters = result.counters();
        assertThat(counters.total()).isEqualTo(scenario.events().size() + scenario.damaged());
        assertThat(counters.created() + counters.updated() + counters.unchanged() + counters.skipped())
                .as("created + updated + unchanged + skipped == total in %s", counters)
                .isEqualTo(counters.total());
        assertThat(counters.created()).isEqualTo(result.changes().inserts().size());
        assertThat(counters.vanished()).isEqualTo(result.vanished().size());
        assertThat(counters.deleted()).isEqualTo(result.deleted().size());

        Map<BookingKey, Booking> stored = new HashMap<>();
        scenario.stored().forEach(booking -> stored.put(booking.key(), booking));
        Set<BookingKey> inFeed = new HashSet<>();
        scenario.events().forEach(event -> inFeed.add(event.key()));
        Set<BookingKey> named = new HashSet<>();
        for (Booking inserted : result.changes().inserts()) {
            assertThat(named.add(inserted.key()))
                    .as("%s named twice", inserted.key())
                    .isTrue();
            assertThat(stored).doesNotContainKey(inserted.key());
        }
        for (Booking updated : result.changes().updates()) {
            assertThat(named.add(updated.key()))
                    .as("%s named twice", updated.key())
                    .isTrue();
            Booking before = stored.get(updated.key());
            assertThat(before)
                    .as("update of %s, which is not stored", updated.key())
                    .isNotNull();
            if (!inFeed.contains(updated.key())) {
                // absent from the feed: only a live future booking may leave, and only by vanishing or deletion
                assertThat(before.current().checkOut())
                        .as("past booking %s absent from the feed was touched", before.key())
                        .isAfterOrEqualTo(scenario.today());
                assertThat(before.deleted() || before.status() == BookingStatus.VANISHED)
                        .isFalse();
                assertThat(updated.deleted() || updated.status() == BookingStatus.VANISHED)
                        .isTrue();
            }
        }
        for (Booking left : concat(result.vanished(), result.deleted())) {
            assertThat(inFeed).as("%s is in the feed yet left it", left.key()).doesNotContain(left.key());
        }
        if (result.heldAsSuspicious()) {
            assertThat(result.changes().isEmpty()).isTrue();
            return "held (empty feed not believed yet)";
        }

        // idempotence: store the changes, then the same feed again changes nothing
        Map<BookingKey, Booking> after = new LinkedHashMap<>();
        scenario.stored().forEach(booking -> after.put(booking.key(), booking));
        result.changes().inserts().forEach(booking -> after.put(booking.key(), booking));
        result.changes().updates().forEach(booking -> after.put(booking.key(), booking));
        for (BookingKey key : inFeed) {
            assertThat(after.get(key).deleted()).isFalse();
            assertThat(after.get(key).status()).isNotEqualTo(BookingStatus.VANISHED);
        }
        Reconciliation again = reconciler.reconcile(
                feed.withFetchState(emptyRuns(result.emptyFeedRuns())),
                new ArrayList<>(after.values()),
                scenario.events(),
                scenario.damaged());
        assertThat(again.changes().isEmpty())
                .as("second reconciliation changes %s", again.changes())
                .isTrue();
        assertThat(again.counters().created()
                        + again.counters().updated()
                        + again.counters().vanished()
                        + again.counters().deleted()
                        + again.counters().conflicts())
                .isZero();
        return result.changes().isEmpty() ? "no change" : "changed";
    }

    private static FetchState emptyRuns(int runs) {
        return new FetchState(null, null, null, null, null, null, 0, null, runs, 0);
    }

    private static List<Booking> concat(List<Booking> first, List<Booking> second) {
        List<Booking> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
