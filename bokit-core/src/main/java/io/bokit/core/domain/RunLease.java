package io.bokit.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The right to run a sync, held by one owner until it is released or expires (so a crashed run
 * does not block the next one for ever).
 *
 * @param owner who holds it, for people: host and process, e.g. {@code web-2:4711}
 * @param token unique to this acquisition, so only its holder can release it
 * @param acquiredAt when it was taken
 * @param expiresAt when it lapses if not released
 */
public record RunLease(String owner, String token, Instant acquiredAt, Instant expiresAt) {
    public RunLease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(acquiredAt)) {
            throw new IllegalArgumentException("A lease must expire after it is acquired");
        }
    }

    /** Whether the lease still holds at {@code now} (it lapses at {@link #expiresAt()}). */
    public boolean heldAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
