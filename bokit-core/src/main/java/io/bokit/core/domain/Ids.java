package io.bokit.core.domain;

import java.util.regex.Pattern;

/** Validation shared by the typed identifiers. */
final class Ids {
    static final String ALLOWED =
            "1 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {}

    static String check(String kind, String value) {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidInputException("Invalid " + kind + " \"" + value + "\": expected " + ALLOWED);
        }
        return value;
    }
}
