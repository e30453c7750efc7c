package io.bokit.core.domain;

/** How one feed's sync ended. */
public enum FeedOutcome {
    /** Fetched, parsed and reconciled. */
    SYNCED,
    /** The feed had not changed since the last success (HTTP 304 or the same body): nothing was written. */
    NOT_MODIFIED,
    /** The feed was not fetched because of an earlier failure's back-off or a Retry-After. */
    BACKED_OFF,
    /** The feed failed; its bookings are exactly as before. */
    FAILED
}
