package io.bokit.core.domain;

import java.time.Instant;
import java.util.List;

/**
 * What bokit remembers of a feed's last fetches: HTTP validators, the body hash, successes,
 * failures and back-off. Every component but the counters may be null (never happened / unknown).
 *
 * @param etag the last ETag the feed served, or null
 * @param lastModified the last Last-Modified the feed served, or null
 * @param bodyHash a hash of the last body imported successfully, or null
 * @param lastAttempt when the feed was last fetched, or null
 * @param lastSuccess when the feed last synced without error, or null
 * @param lastError the last error message (no full URL), or null after a success
 * @param consecutiveFailures failed runs in a row, 0 after a success
 * @param backoffUntil the feed is not fetched before this instant, or null
 * @param consecutiveEmpty runs in a row that parsed to zero events while bookings were expected
 * @param events the bookings the last body imported held (created, updated and unchanged; not the
 *     skipped), reported as unchanged while the feed is not modified: no booking is read for them
 * @param skipped the events the last body read skipped (damaged, or a UID the feed repeats), also when the
 *     empty-feed guard held that body; kept while the feed is not modified or fails
 * @param skippedReasons why, for the first {@link FeedResult#MAX_SKIPPED_REASONS} of them, one short line each
 *     without a URL; empty when none was skipped. Each is kept as one line of at most {@link #MAX_REASON_LENGTH}
 *     characters: control characters and line breaks become {@code ?}
 */
public record FetchState(
        String etag,
        String lastModified,
        String bodyHash,
        Instant lastAttempt,
        Instant lastSuccess,
        String lastError,
        int consecutiveFailures,
        Instant backoffUntil,
        int consecutiveEmpty,
        int events,
        int skipped,
        List<String> skippedReasons) {

    /** The state of a feed never fetched. */
    public static final FetchState NEVER =
            new FetchState(null, null, null, null, null, null, 0, null, 0, 0, 0, List.of());

    /** The longest skipped reason a state keeps; a longer one is cut and ends with {@code …}. */
    public static final int MAX_REASON_LENGTH = 300;

    public FetchState {
        if (consecutiveFailures < 0 || consecutiveEmpty < 0 || events < 0 || skipped < 0) {
            throw new IllegalArgumentException("Counters cannot be negative: failures " + consecutiveFailures
                    + ", empty " + consecutiveEmpty + ", events " + events + ", skipped " + skipped);
        }
        skippedReasons = skippedReasons == null
                ? List.of()
                : skippedReasons.stream()
                        .limit(FeedResult.MAX_SKIPPED_REASONS)
                        .map(FetchState::oneLine)
                        .toList();
    }

    /** A state without skipped events (the form before they were remembered). */
    public FetchState(
            String etag,
            String lastModified,
            String bodyHash,
            Instant lastAttempt,
            Instant lastSuccess,
            String lastError,
            int consecutiveFailures,
            Instant backoffUntil,
            int consecutiveEmpty,
            int events) {
        this(
                etag,
                lastModified,
                bodyHash,
                lastAttempt,
                lastSuccess,
                lastError,
                consecutiveFailures,
                backoffUntil,
                consecutiveEmpty,
                events,
                0,
                List.of());
    }

    private static String oneLine(String reason) {
        String line = reason.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
        return line.length() > MAX_REASON_LENGTH ? line.substring(0, MAX_REASON_LENGTH - 1) + "…" : line;
    }
}
