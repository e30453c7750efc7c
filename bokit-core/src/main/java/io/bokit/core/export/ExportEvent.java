package io.bokit.core.export;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One all-day event of an export, as it is written.
 *
 * @param uid the event's UID, not blank
 * @param checkIn the first day (DTSTART)
 * @param checkOut the day after the last night (DTEND, exclusive), after check-in
 * @param summary the SUMMARY text, unescaped, not blank
 */
public record ExportEvent(String uid, LocalDate checkIn, LocalDate checkOut, String summary) {
    public ExportEvent {
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("An exported event needs a UID that is not blank");
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("Exported event " + uid + " needs a summary that is not blank");
        }
        if (!checkOut.isAfter(checkIn)) {
            throw new IllegalArgumentException(
                    "Exported event " + uid + " ends (" + checkOut + ") on or before it starts (" + checkIn + ")");
        }
    }
}
