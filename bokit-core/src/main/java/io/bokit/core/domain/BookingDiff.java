package io.bokit.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The change-history entries of a booking's values changed outside a sync (a local booking), field by field
 * under the same field names as the sync's ({@code status}, {@code guestName}, {@code checkIn} …). Pure.
 */
public final class BookingDiff {
    private BookingDiff() {}

    /**
     * One {@link ChangeKind#UPDATED} entry per field whose value differs, in field order.
     *
     * @param at when the change is applied, not null
     * @param before the booking as stored, not null
     * @param after its new values, not null
     * @return the entries, empty when nothing differs; never null
     */
    public static List<BookingChange> updates(Instant at, Booking before, BookingData after) {
        Objects.requireNonNull(at, "at");
        Map<String, String> old = BookingFields.flatten(before.current());
        Map<String, String> now = BookingFields.flatten(Objects.requireNonNull(after, "after"));
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(now.keySet());
        List<BookingChange> changes = new ArrayList<>();
        for (String field : fields) {
            String oldValue = old.get(field);
            String newValue = now.get(field);
            if (!Objects.equals(oldValue, newValue)) {
                changes.add(new BookingChange(
                        at,
                        before.calendar(),
                        before.feed(),
                        before.key(),
                        ChangeKind.UPDATED,
                        field,
                        oldValue,
                        newValue));
            }
        }
        return List.copyOf(changes);
    }
}
