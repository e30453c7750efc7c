package io.bokit.core.domain;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Booking values as named text fields ({@code status}, {@code checkIn}, {@code metadata.phone} …):
 * the unit of the three-way merge and of the change history.
 */
final class BookingFields {
    static final String STATUS = "status";
    private static final String GUEST = "guestName";
    private static final String CHECK_IN = "checkIn";
    private static final String CHECK_OUT = "checkOut";
    private static final String START = "start";
    private static final String END = "end";
    private static final String META = "metadata.";

    /** The fields that say when the stay is: merged as a whole when a field-by-field merge would be impossible. */
    static final List<String> DATES = List.of(CHECK_IN, CHECK_OUT, START, END);

    private BookingFields() {}

    /** The values as fields; an absent value has no entry. */
    static Map<String, String> flatten(BookingData data) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(STATUS, data.status().code());
        putIfPresent(fields, GUEST, data.guestName());
        fields.put(CHECK_IN, data.checkIn().toString());
        fields.put(CHECK_OUT, data.checkOut().toString());
        putIfPresent(fields, START, data.start() == null ? null : data.start().toString());
        putIfPresent(fields, END, data.end() == null ? null : data.end().toString());
        data.metadata().forEach((key, value) -> fields.put(META + key, value));
        return fields;
    }

    /** The values back from fields made by {@link #flatten}. */
    static BookingData unflatten(Map<String, String> fields) {
        Map<String, String> metadata = new TreeMap<>();
        fields.forEach((key, value) -> {
            if (key.startsWith(META)) {
                metadata.put(key.substring(META.length()), value);
            }
        });
        return new BookingData(
                BookingStatus.fromCode(fields.get(STATUS)),
                fields.get(GUEST),
                LocalDate.parse(fields.get(CHECK_IN)),
                LocalDate.parse(fields.get(CHECK_OUT)),
                fields.containsKey(START) ? ZonedDateTime.parse(fields.get(START)) : null,
                fields.containsKey(END) ? ZonedDateTime.parse(fields.get(END)) : null,
                metadata);
    }

    /** Whether fields made by {@link #flatten} describe a possible stay: check-out not before check-in, both times or none. */
    static boolean consistentDates(Map<String, String> fields) {
        return !LocalDate.parse(fields.get(CHECK_OUT)).isBefore(LocalDate.parse(fields.get(CHECK_IN)))
                && fields.containsKey(START) == fields.containsKey(END);
    }

    private static void putIfPresent(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
