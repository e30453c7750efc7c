package io.bokit.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A served export: one calendar's iCal, for one target feed (whose own bookings and echoes it leaves
 * out) or for none, reachable at a secret URL whose token bokit stores only as a hash.
 *
 * @param id the export's id, not null
 * @param calendar the exported calendar, not null
 * @param target the feed (channel) the export is for, or null for none
 * @param guestNames whether the host opted in to show guest names in this export
 * @param tokenHash the SHA-256 of the current token, not null
 * @param tokenHint the token as shown masked: its first four characters and an ellipsis, not null
 * @param created when the export was added, not null
 * @param rotated when its token was last replaced, or null if never
 */
public record ExportLink(
        ExportId id,
        CalendarKey calendar,
        FeedId target,
        boolean guestNames,
        TokenHash tokenHash,
        String tokenHint,
        Instant created,
        Instant rotated) {
    public ExportLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(tokenHint, "tokenHint");
        Objects.requireNonNull(created, "created");
        if (tokenHint.length() > 8) {
            throw new InvalidInputException(
                    "Invalid token hint of " + tokenHint.length() + " characters: at most 8, never the whole token");
        }
        if (rotated != null && rotated.isBefore(created)) {
            throw new InvalidInputException(
                    "Export " + id + " rotated at " + rotated + ", before it was created at " + created);
        }
    }

    /** A new export with this token, created now. */
    public static ExportLink create(
            ExportId id, CalendarKey calendar, FeedId target, boolean guestNames, ExportToken token, Instant now) {
        return new ExportLink(id, calendar, target, guestNames, token.hash(), token.masked(), now, null);
    }

    /** This export with a new token, rotated now. */
    public ExportLink withToken(ExportToken token, Instant now) {
        return new ExportLink(id, calendar, target, guestNames, token.hash(), token.masked(), created, now);
    }
}
