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
            throw new InvalidInputException("Invalid " + kind + " \"" + excerpt(value) + "\": expected " + ALLOWED);
        }
        return value;
    }

    /**
     * A value as an error message shows it: whole up to 100 characters, else its first 100 and its
     * length, so a huge value cannot flood a terminal or a log.
     */
    static String excerpt(String value) {
        if (value == null || value.codePointCount(0, value.length()) <= 100) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, 100)) + "… (" + value.length() + " characters)";
    }
}
