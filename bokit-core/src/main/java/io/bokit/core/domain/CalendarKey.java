package io.bokit.core.domain;

/** The key of a {@link Calendar}, e.g. {@code seaview-apartment}. */
public record CalendarKey(String value) {
    public CalendarKey {
        Ids.check("calendar key", value);
    }

    /** Shorthand for {@code new CalendarKey(value)}. */
    public static CalendarKey of(String value) {
        return new CalendarKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
