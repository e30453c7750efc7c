package io.bokit.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reconciles one feed's events with the bookings stored for that feed. Pure: no I/O, no clock.
 *
 * <ul>
 *   <li>a new key is created; a stored one is merged three ways (a field the host edited since the
 *       last import keeps the host's value and the difference is recorded as a conflict); the same
 *       values are unchanged; a key seen twice in the feed is skipped after its first event;
 *   <li>a stored future booking (check-out on or after today) missing from the feed vanishes, a
 *       missing future block is soft-deleted, past bookings are never touched, and a vanished or
 *       deleted booking that comes back is restored;
 *   <li>a feed that suddenly has no events while future bookings were expected changes nothing
 *       until it has come back empty {@code emptyFeedRuns} runs in a row.
 * </ul>
 */
public final class Reconciler {
    private final LocalDate today;
    private final Instant now;
    private final int emptyFeedRuns;

    /**
     * Creates a reconciler for one run.
     *
     * @param today today in the calendar's zone: bookings checking out before it are past
     * @param now when the changes are recorded in the history
     * @param emptyFeedRuns empty runs in a row before an empty feed is believed, at least 1
     */
    public Reconciler(LocalDate today, Instant now, int emptyFeedRuns) {
        this.today = Objects.requireNonNull(today, "today");
        this.now = Objects.requireNonNull(now, "now");
        if (emptyFeedRuns < 1) {
            throw new IllegalArgumentException("emptyFeedRuns must be at least 1, not " + emptyFeedRuns);
        }
        this.emptyFeedRuns = emptyFeedRuns;
    }

    /**
     * Reconciles.
     *
     * @param feed the feed (its id, calendar and count of empty runs so far)
     * @param stored every booking stored for the feed
     * @param events the feed's events in feed order, duplicates included
     * @param damaged events the parser could not read (counted as skipped)
     * @return the decision, never null
     */
    public Reconciliation reconcile(Feed feed, List<Booking> stored, List<FeedEvent> events, int damaged) {
        Run run = new Run(feed, stored);
        Map<BookingKey, BookingData> distinct = new LinkedHashMap<>();
        int duplicates = 0;
        for (FeedEvent event : events) {
            if (distinct.putIfAbsent(event.key(), event.data()) != null) {
                duplicates++;
            }
        }
        int total = events.size() + damaged;
        int skipped = duplicates + damaged;
        if (distinct.isEmpty() && stored.stream().anyMatch(this::isLiveFuture)) {
            int emptyRuns = feed.fetchState().consecutiveEmpty() + 1;
            if (emptyRuns < emptyFeedRuns) {
                SyncCounters counters = new SyncCounters(total, 0, 0, 0, 0, 0, skipped, 0);
                return run.result(counters, emptyRuns, true);
            }
            run.emptyRuns = emptyRuns;
        }
        distinct.forEach(run::merge);
        run.stored.values().stream()
                .filter(booking -> !distinct.containsKey(booking.key()))
                .sorted(Comparator.comparing(booking -> booking.key().toString()))
                .forEach(run::leave);
        return run.result(
                new SyncCounters(
                        total,
                        run.created.size(),
                        run.updatedCount,
                        run.unchanged,
                        run.deleted.size(),
                        run.vanished.size(),
                        skipped,
                        run.conflicts),
                run.emptyRuns,
                false);
    }

    private boolean isLiveFuture(Booking booking) {
        return !booking.deleted()
                && booking.status() != BookingStatus.VANISHED
                && !booking.current().checkOut().isBefore(today);
    }

    /** The state of one reconciliation. */
    private final class Run {
        final Feed feed;
        final Map<BookingKey, Booking> stored = new HashMap<>();
        final List<Booking> inserts = new ArrayList<>();
        final List<Booking> updates = new ArrayList<>();
        final List<BookingChange> history = new ArrayList<>();
        final List<Booking> created = new ArrayList<>();
        final List<Reconciliation.Update> updated = new ArrayList<>();
        final List<Booking> vanished = new ArrayList<>();
        final List<Booking> deleted = new ArrayList<>();
        int updatedCount;
        int unchanged;
        int conflicts;
        int emptyRuns;

        Run(Feed feed, List<Booking> stored) {
            this.feed = feed;
            stored.forEach(booking -> this.stored.put(booking.key(), booking));
        }

        void merge(BookingKey key, BookingData incoming) {
            Booking before = stored.get(key);
            if (before == null) {
                Booking booking = Booking.imported(feed.calendar(), feed.id(), key, incoming);
                inserts.add(booking);
                created.add(booking);
                record(key, ChangeKind.CREATED, null, null, null);
                return;
            }
            boolean restored = before.deleted() || before.status() == BookingStatus.VANISHED;
            Map<String, String> feedFields = BookingFields.flatten(incoming);
            Map<String, String> baseFields = BookingFields.flatten(before.baseline());
            Map<String, String> currentFields = BookingFields.flatten(before.current());
            if (restored) {
                // leaving the feed was the sync's doing, not a local edit: undo it, then merge
                String baseStatus = baseFields.get(BookingFields.STATUS);
                record(
                        key,
                        ChangeKind.RESTORED,
                        BookingFields.STATUS,
                        before.deleted() ? "deleted" : before.status().code(),
                        baseStatus);
                currentFields.put(
                        BookingFields.STATUS, before.deleted() ? currentFields.get(BookingFields.STATUS) : baseStatus);
            }
            // the host moved the stay and the feed moved it too, so that mixing their dates gives no possible
            // stay (e.g. the feed's check-in after the host's check-out): the host's dates are kept as a whole
            boolean keepOurDates = !BookingFields.consistentDates(mergeDates(feedFields, baseFields, currentFields));
            Map<String, String> merged = new LinkedHashMap<>(currentFields);
            Set<String> names = new LinkedHashSet<>(feedFields.keySet());
            names.addAll(baseFields.keySet());
            names.addAll(currentFields.keySet());
            for (String name : names) {
                String theirs = feedFields.get(name);
                String base = baseFields.get(name);
                String ours = currentFields.get(name);
                if (Objects.equals(theirs, base) || Objects.equals(ours, theirs)) {
                    continue; // the feed did not change it, or the host already has the feed's value
                }
                if (Objects.equals(ours, base) && !(keepOurDates && BookingFields.DATES.contains(name))) {
                    putOrRemove(merged, name, theirs);
                    record(key, ChangeKind.UPDATED, name, ours, theirs);
                } else {
                    conflicts++;
                    record(key, ChangeKind.CONFLICT, name, ours, theirs);
                }
            }
            BookingData current = BookingFields.unflatten(merged);
            Booking after = before.with(current, incoming, false);
            if (after.equals(before)) {
                unchanged++;
                return;
            }
            updates.add(after);
            if (restored || !current.equals(before.current())) {
                updatedCount++;
                updated.add(new Reconciliation.Update(before, after));
            } else {
                unchanged++; // only the baseline moved (a conflict, or the host already had the value)
            }
        }

        void leave(Booking booking) {
            if (booking.deleted()
                    || booking.status() == BookingStatus.VANISHED
                    || booking.current().checkOut().isBefore(today)) {
                return;
            }
            if (booking.baseline().status().isBlock()) {
                Booking after = booking.with(booking.current(), booking.baseline(), true);
                updates.add(after);
                deleted.add(after);
                record(booking.key(), ChangeKind.DELETED, null, null, null);
            } else {
                Booking after = booking.withCurrent(booking.current().withStatus(BookingStatus.VANISHED));
                updates.add(after);
                vanished.add(after);
                record(
                        booking.key(),
                        ChangeKind.VANISHED,
                        BookingFields.STATUS,
                        booking.status().code(),
                        BookingStatus.VANISHED.code());
            }
        }

        void record(BookingKey key, ChangeKind kind, String field, String oldValue, String newValue) {
            history.add(new BookingChange(now, feed.calendar(), feed.id(), key, kind, field, oldValue, newValue));
        }

        Reconciliation result(SyncCounters counters, int emptyRuns, boolean held) {
            return new Reconciliation(
                    new FeedChangeSet(feed.id(), inserts, updates, history),
                    counters,
                    created,
                    updated,
                    vanished,
                    deleted,
                    emptyRuns,
                    held);
        }

        /** The host's fields with only the date fields merged field by field. */
        private static Map<String, String> mergeDates(
                Map<String, String> theirs, Map<String, String> base, Map<String, String> ours) {
            Map<String, String> merged = new LinkedHashMap<>(ours);
            for (String name : BookingFields.DATES) {
                if (!Objects.equals(theirs.get(name), base.get(name))
                        && Objects.equals(ours.get(name), base.get(name))) {
                    putOrRemove(merged, name, theirs.get(name));
                }
            }
            return merged;
        }

        private static void putOrRemove(Map<String, String> fields, String name, String value) {
            if (value == null) {
                fields.remove(name);
            } else {
                fields.put(name, value);
            }
        }
    }
}
