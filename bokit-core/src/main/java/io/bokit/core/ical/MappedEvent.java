package io.bokit.core.ical;

import io.bokit.core.domain.BookingStatus;
import java.util.Map;

/**
 * A VEVENT after the channel rules, before it becomes one or more bookings.
 *
 * @param uid the UID, or a key derived from the dates and summary
 * @param start the start
 * @param end the end, of the same kind as the start and never before it
 * @param status the status
 * @param guestName the guest's name, or null
 * @param metadata the metadata, never null
 */
record MappedEvent(
        String uid,
        EventTime start,
        EventTime end,
        BookingStatus status,
        String guestName,
        Map<String, String> metadata) {}
