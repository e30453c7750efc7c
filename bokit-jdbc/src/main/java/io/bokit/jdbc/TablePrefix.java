package io.bokit.jdbc;

import io.bokit.core.domain.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The prefix of every bokit table name, e.g. {@code bokit_} in {@code bokit_booking}; validated so
 * that it can go into SQL text safely.
 *
 * @param value a lower-case letter, then up to 20 lower-case letters, digits or underscores
 */
public record TablePrefix(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[a-z][a-z0-9_]{0,20}");

    /** The default prefix, {@code bokit_}. */
    public static final TablePrefix DEFAULT = new TablePrefix("bokit_");

    public TablePrefix {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidInputException("Invalid table prefix \"" + value
                    + "\": expected a lower-case letter, then up to 20 lower-case letters, digits or '_'");
        }
    }

    /**
     * Shorthand for {@code new TablePrefix(value)}.
     *
     * @param value the prefix, e.g. {@code bokit_}
     * @return the prefix
     * @throws InvalidInputException if the value is not allowed
     */
    public static TablePrefix of(String value) {
        return new TablePrefix(value);
    }

    /**
     * A table's full name.
     *
     * @param table the name without prefix, e.g. {@code booking}
     * @return e.g. {@code bokit_booking}
     */
    public String table(String table) {
        return value + table;
    }

    @Override
    public String toString() {
        return value;
    }
}
