package io.bokit.core.domain;

/** Validation shared by the typed identifiers. */
final class Ids {
    static final String ALLOWED =
            "1 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final int MAX_LENGTH = 64;

    private Ids() {}

    /** The value if it is {@link #ALLOWED} (checked by hand: every stored row's ids pass here). */
    static String check(String kind, String value) {
        if (!allowed(value)) {
            throw new InvalidInputException("Invalid " + kind + " \"" + excerpt(value) + "\": expected " + ALLOWED);
        }
        return value;
    }

    private static boolean allowed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
