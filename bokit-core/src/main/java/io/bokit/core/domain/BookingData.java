package io.bokit.core.domain;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The values a feed says about a booking: what is imported, compared and merged.
 *
 * @param status the status
 * @param guestName the guest's name, or null when the channel does not give one
 * @param checkIn the arrival day, in the calendar's zone
 * @param checkOut the departure day (exclusive: the guest leaves that morning), never before check-in
 * @param start the exact start for a timed event, or null for an all-day one
 * @param end the exact end for a timed event, or null for an all-day one
 * @param metadata other facts (phone, email, guests, reservation URL …), sorted by key, never null
 */
public record BookingData(
        BookingStatus status,
        String guestName,
        LocalDate checkIn,
        LocalDate checkOut,
        ZonedDateTime start,
        ZonedDateTime end,
        Map<String, String> metadata) {

    public BookingData {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
        if (checkOut.isBefore(checkIn)) {
            throw new InvalidInputException("Check-out " + checkOut + " is before check-in " + checkIn);
        }
        if ((start == null) != (end == null)) {
            throw new InvalidInputException("A timed booking needs both a start and an end");
        }
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** An all-day booking without metadata. */
    public static BookingData allDay(BookingStatus status, String guestName, LocalDate checkIn, LocalDate checkOut) {
        return new BookingData(status, guestName, checkIn, checkOut, null, null, Map.of());
    }

    /** Whether the booking covers whole days (no exact times). */
    public boolean allDay() {
        return start == null;
    }

    /** This data with another status. */
    public BookingData withStatus(BookingStatus value) {
        return new BookingData(value, guestName, checkIn, checkOut, start, end, metadata);
    }
}
