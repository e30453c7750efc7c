package io.bokit.core.domain;

/**
 * Identifies a booking within its feed: the event's UID plus, for one occurrence of a recurring
 * event, its recurrence id.
 *
 * @param uid the UID (or a stable key derived from the event), not blank
 * @param recurrenceId the occurrence's start as text, or null for a single event
 */
public record BookingKey(String uid, String recurrenceId) {
    public BookingKey {
        if (uid == null || uid.isBlank()) {
            throw new InvalidInputException("A booking key needs a UID that is not blank");
        }
        if (recurrenceId != null && recurrenceId.isBlank()) {
            recurrenceId = null;
        }
    }

    /** The key of a single (non-recurring) event. */
    public static BookingKey of(String uid) {
        return new BookingKey(uid, null);
    }

    @Override
    public String toString() {
        return recurrenceId == null ? uid : uid + "#" + recurrenceId;
    }
}
