package io.bokit.core.application;

import io.bokit.core.domain.Backoff;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedEvent;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUnavailableException;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.Options;
import io.bokit.core.domain.Reconciler;
import io.bokit.core.domain.Reconciliation;
import io.bokit.core.domain.Secrets;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.ical.ParsedFeed;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.ICalFeedPort.Content;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Syncs one feed: fetch, skip if unchanged, parse, reconcile, store atomically, record the fetch
 * state. Failures of the feed (a {@link FeedUnavailableException} for a failed fetch) are thrown to {@link SyncService}, which isolates them.
 */
final class FeedSynchronizer {
    private final FeedCatalogPort catalog;
    private final BookingStorePort store;
    private final ICalFeedPort fetcher;
    private final FeedParser parser;
    private final ClockPort clock;
    private final Listeners listeners;
    private final Backoff backoff;
    private final DoubleSupplier jitter;

    FeedSynchronizer(
            FeedCatalogPort catalog,
            BookingStorePort store,
            ICalFeedPort fetcher,
            FeedParser parser,
            ClockPort clock,
            Listeners listeners,
            Backoff backoff,
            DoubleSupplier jitter) {
        this.catalog = catalog;
        this.store = store;
        this.fetcher = fetcher;
        this.parser = parser;
        this.clock = clock;
        this.listeners = listeners;
        this.backoff = backoff;
        this.jitter = jitter;
    }

    /**
     * Syncs one feed.
     *
     * @param ignoreBackoff whether to fetch it even while it rests after a failure (a retry by hand)
     */
    FeedResult sync(Feed feed, Calendar calendar, Options options, boolean ignoreBackoff) {
        FetchState state = feed.fetchState();
        Instant started = clock.now();
        if (!ignoreBackoff && state.backoffUntil() != null && started.isBefore(state.backoffUntil())) {
            return new FeedResult(
                    feed.id(),
                    feed.name(),
                    FeedOutcome.BACKED_OFF,
                    SyncCounters.ZERO,
                    null,
                    "resting after " + state.consecutiveFailures()
                            + (state.consecutiveFailures() == 1 ? " failure" : " failures") + " until "
                            + state.backoffUntil()
                            + (state.lastError() == null ? "" : " (last error: " + state.lastError() + ")"),
                    List.of());
        }
        LocalDate today = LocalDate.ofInstant(started, calendar.zone());
        // validators and the body hash only count within a day: the first fetch of a day is parsed,
        // so recurring events move with the window around today even when the feed never changes
        boolean sameDay = state.lastSuccess() != null
                && LocalDate.ofInstant(state.lastSuccess(), calendar.zone()).equals(today);
        FetchResult fetched = fetcher.fetch(
                sameDay
                        ? new FetchRequest(feed.url(), state.etag(), state.lastModified(), options.requestDelay())
                        : new FetchRequest(feed.url(), null, null, options.requestDelay()));
        if (fetched instanceof ICalFeedPort.Failed failed) {
            String error = failed.httpStatus() > 0
                    ? "HTTP " + failed.httpStatus() + ": " + failed.message()
                    : failed.message();
            throw new FeedUnavailableException(error, failed.retryAfter());
        }
        if (fetched instanceof ICalFeedPort.NotModified) {
            return notModified(feed, state, state.etag(), state.lastModified(), started);
        }
        Content content = (Content) fetched;
        String hash = sha256(content.body());
        if (sameDay && hash.equals(state.bodyHash())) {
            return notModified(feed, state, content.etag(), content.lastModified(), started);
        }
        FeedParser.Parsed parsed = parser.parse(content.body(), calendar, today);
        List<Booking> stored = store.loadFeedBookings(feed.id());
        Reconciliation result = new Reconciler(today, started, options.emptyFeedRuns())
                .reconcile(feed, stored, parsed.events(), parsed.skipped());
        store.apply(result.changes());
        listeners.changed(result);
        List<String> skippedReasons = skippedReasons(parsed);
        FetchState next = result.heldAsSuspicious()
                // not believed yet: keep the old validators so the same empty body is fetched and counted again
                ? new FetchState(
                        state.etag(),
                        state.lastModified(),
                        state.bodyHash(),
                        started,
                        state.lastSuccess(),
                        "Feed came back empty (" + result.emptyFeedRuns() + " of " + options.emptyFeedRuns()
                                + " runs needed to believe it); nothing changed",
                        0,
                        null,
                        result.emptyFeedRuns(),
                        state.events(),
                        // what it skipped says why it came back empty
                        result.counters().skipped(),
                        skippedReasons)
                : new FetchState(
                        content.etag(),
                        content.lastModified(),
                        hash,
                        started,
                        started,
                        null,
                        0,
                        null,
                        result.emptyFeedRuns(),
                        imported(result.counters()),
                        result.counters().skipped(),
                        skippedReasons);
        catalog.updateFetchState(feed.id(), next);
        return new FeedResult(
                feed.id(),
                feed.name(),
                FeedOutcome.SYNCED,
                result.counters(),
                null,
                result.heldAsSuspicious()
                        ? "held by the empty-feed guard: the feed came back empty (" + result.emptyFeedRuns() + " of "
                                + options.emptyFeedRuns() + " runs needed to believe it); nothing vanished"
                        : null,
                skippedReasons);
    }

    /** Why events were skipped: the parser's reasons for damaged events, then the keys the feed repeats. */
    private static List<String> skippedReasons(FeedParser.Parsed parsed) {
        List<String> reasons = new ArrayList<>();
        parsed.skippedReasons().forEach(reason -> reasons.add(Secrets.mask(reason)));
        Set<BookingKey> seen = new HashSet<>();
        for (FeedEvent event : parsed.events()) {
            if (reasons.size() >= FeedResult.MAX_SKIPPED_REASONS) {
                break;
            }
            if (!seen.add(event.key())) {
                reasons.add(Secrets.mask(
                        "duplicate UID " + ParsedFeed.shorten(event.key().toString())));
            }
        }
        return reasons;
    }

    /**
     * The fetch state after a failure: one more failure in a row, and a rest before the next fetch
     * ({@link Backoff}, or the server's Retry-After when that is later).
     */
    FetchState failed(Feed feed, String error, Instant retryAfter) {
        FetchState state = feed.fetchState();
        Instant now = clock.now();
        int failures = state.consecutiveFailures() + 1;
        Instant rest = now.plus(backoff.after(failures, jitter.getAsDouble()));
        Instant until = retryAfter != null && retryAfter.isAfter(rest) ? retryAfter : rest;
        return new FetchState(
                state.etag(),
                state.lastModified(),
                state.bodyHash(),
                now,
                state.lastSuccess(),
                error,
                failures,
                until,
                state.consecutiveEmpty(),
                state.events(),
                state.skipped(),
                state.skippedReasons());
    }

    /** The result of a feed whose body is the last one imported: only its fetch state is written. */
    private FeedResult notModified(Feed feed, FetchState state, String etag, String lastModified, Instant now) {
        int events = state.events();
        catalog.updateFetchState(
                feed.id(),
                // the feed is the last body that had events again: an empty streak is broken; what it skipped stays
                new FetchState(
                        etag,
                        lastModified,
                        state.bodyHash(),
                        now,
                        now,
                        null,
                        0,
                        null,
                        0,
                        events,
                        state.skipped(),
                        state.skippedReasons()));
        return new FeedResult(
                feed.id(),
                feed.name(),
                FeedOutcome.NOT_MODIFIED,
                new SyncCounters(events, 0, 0, events, 0, 0, 0, 0),
                null);
    }

    /** The bookings a reconciled body held: what a not-modified feed reports as unchanged. */
    private static int imported(SyncCounters counters) {
        return counters.created() + counters.updated() + counters.unchanged();
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
