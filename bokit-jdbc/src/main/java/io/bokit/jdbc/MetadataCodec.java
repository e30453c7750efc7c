package io.bokit.jdbc;

import java.util.Map;
import java.util.TreeMap;

/**
 * A booking's metadata as one text column: {@code key=value} lines, sorted by key, with {@code \},
 * {@code =}, line breaks and NUL escaped ({@code \\ \= \n \r \0}), so any key and value round-trip.
 * The empty map is the empty text.
 */
final class MetadataCodec {
    private MetadataCodec() {}

    /** The text of a map; never null. */
    static String encode(Map<String, String> metadata) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(metadata).forEach((key, value) -> {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            escape(key, out);
            out.append('=');
            escape(value, out);
        });
        return out.toString();
    }

    /**
     * The map of a text made by {@link #encode}.
     *
     * @throws IllegalArgumentException if a line has no unescaped {@code =}
     */
    static Map<String, String> decode(String text) {
        Map<String, String> metadata = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return metadata;
        }
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        StringBuilder current = key;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(unescape(text.charAt(++i)));
            } else if (c == '=' && current == key) {
                current = value;
            } else if (c == '\n') {
                put(metadata, key, value, current);
                key = new StringBuilder();
                value = new StringBuilder();
                current = key;
            } else {
                current.append(c);
            }
        }
        put(metadata, key, value, current);
        return metadata;
    }

    private static void put(Map<String, String> metadata, StringBuilder key, StringBuilder value, StringBuilder at) {
        if (at == key) {
            throw new IllegalArgumentException("Damaged metadata line: no '=' after \"" + key + "\"");
        }
        metadata.put(key.toString(), value.toString());
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case '0' -> '\0';
            default -> c;
        };
    }
}
