package io.bokit.core.domain;

import java.time.Instant;

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
        int events) {

    /** The state of a feed never fetched. */
    public static final FetchState NEVER = new FetchState(null, null, null, null, null, null, 0, null, 0, 0);

    public FetchState {
        if (consecutiveFailures < 0 || consecutiveEmpty < 0 || events < 0) {
            throw new IllegalArgumentException("Counters cannot be negative: failures " + consecutiveFailures
                    + ", empty " + consecutiveEmpty + ", events " + events);
        }
    }
}
