package io.bokit.core.ical;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code KEY: value} lines of an event's DESCRIPTION: the Beds24 template ({@code STATUS}, {@code GUESTS},
 * {@code PHONE} …) and Airbnb's {@code Reservation URL} and {@code Phone Number (Last 4 Digits)}. Known keys get the
 * metadata names of the booking model; unknown keys are kept under a lower-case snake key. Lines that are not
 * {@code KEY: value} (free text) are ignored. Stateless.
 */
final class DescriptionParser {
    private static final int MAX_KEY_LENGTH = 40;

    private DescriptionParser() {}

    /**
     * What a description says.
     *
     * @param status the text of a {@code STATUS:} line without its group, or null
     * @param metadata the metadata found (with {@code group} for {@code STATUS: X/Y}), never null
     */
    record Description(String status, Map<String, String> metadata) {
        static final Description EMPTY = new Description(null, Map.of());
    }

    /** The status and metadata in {@code escaped} (iCalendar TEXT, still escaped); empty for null. */
    static Description parse(String escaped) {
        if (escaped == null || escaped.indexOf(':') < 0) {
            return Description.EMPTY;
        }
        String text = unescape(escaped);
        Map<String, String> metadata = new HashMap<>();
        String status = null;
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(from, end);
            from = end + 1;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty() || value.startsWith("//") || !isKey(key)) {
                continue;
            }
            String name = snake(key);
            if (name.equals("status")) {
                if (status == null) {
                    int slash = value.indexOf('/');
                    status = (slash < 0 ? value : value.substring(0, slash)).strip();
                    if (slash >= 0) {
                        putIfPresent(metadata, "group", value.substring(slash + 1));
                    }
                }
            } else {
                addMetadata(metadata, name, value);
            }
        }
        return new Description(status, metadata);
    }

    private static void addMetadata(Map<String, String> metadata, String name, String value) {
        switch (name) {
            case "guests" -> {
                String[] parts = value.split("/", -1);
                putIfPresent(metadata, "guests", parts[0]);
                putIfPresent(metadata, "adults", parts.length > 1 ? parts[1] : null);
                putIfPresent(metadata, "children", parts.length > 2 ? parts[2] : null);
            }
            case "adults", "adult" -> putIfPresent(metadata, "adults", value);
            case "children", "child" -> putIfPresent(metadata, "children", value);
            case "time", "arrival", "arrival_time" -> putIfPresent(metadata, "arrival_time", value);
            case "phone" -> {
                int slash = value.indexOf('/');
                putIfPresent(metadata, "phone", phone(slash < 0 ? value : value.substring(0, slash)));
                putIfPresent(metadata, "mobile", slash < 0 ? null : phone(value.substring(slash + 1)));
            }
            case "mobile" -> putIfPresent(metadata, "mobile", phone(value));
            case "ctry", "country" -> putIfPresent(metadata, "country", value);
            case "ota" -> {
                String ota = unquote(value);
                int space = indexOfWhitespace(ota);
                putIfPresent(metadata, "ota", space < 0 ? ota : ota.substring(0, space));
                putIfPresent(metadata, "ota_reference", space < 0 ? null : ota.substring(space + 1));
            }
            case "reservation_url" -> putIfPresent(metadata, "reservation_url", value);
            case "phone_number_last_4_digits" -> putIfPresent(metadata, "phone_last4", value);
            default -> putIfPresent(metadata, name, value);
        }
    }

    /** iCalendar TEXT without its escapes: {@code \n} and {@code \N} become a line end, {@code \, \; \\} the char. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\' && k + 1 < text.length()) {
                char next = text.charAt(++k);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else if (c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !Character.isLetter(key.charAt(0))) {
            return false;
        }
        for (int k = 1; k < key.length(); k++) {
            char c = key.charAt(k);
            if (!Character.isLetterOrDigit(c) && " ()_-./".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String snake(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean gap = false;
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                if (gap && out.length() > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String phone(String value) {
        String number = value.strip();
        if (number.isEmpty()) {
            return number;
        }
        for (int k = 0; k < number.length(); k++) {
            if (number.charAt(k) < '0' || number.charAt(k) > '9') {
                return number;
            }
        }
        return "+" + number;
    }

    private static String unquote(String value) {
        String text = value.strip();
        if (text.length() >= 2 && text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"') {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static int indexOfWhitespace(String text) {
        for (int k = 0; k < text.length(); k++) {
            if (Character.isWhitespace(text.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.putIfAbsent(key, value.strip());
        }
    }
}
