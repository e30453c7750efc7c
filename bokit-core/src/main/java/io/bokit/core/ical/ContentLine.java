package io.bokit.core.ical;

import java.util.Locale;

/**
 * One unfolded content line ({@code NAME;PARAM=value;…:value}), split into what the channel rules read. The lexer
 * never throws: a line whose parameters cannot be read (a parameter without {@code =}, a quote that never closes, no
 * {@code :} after the parameters) is {@linkplain #readable() unreadable}, and the caller decides what that costs.
 *
 * @param name the property name, upper case; {@code BEGIN} and {@code END} for component boundaries
 * @param value the value text as written (not unescaped), empty for an unreadable line
 * @param tzid the TZID parameter with its quotes removed, or null
 * @param date whether a {@code VALUE=DATE} parameter was given
 * @param readable whether the whole line could be read
 */
record ContentLine(String name, String value, String tzid, boolean date, boolean readable) {

    /**
     * Reads the line {@code text[from, to)}.
     *
     * @return the line, or null when it does not even start with a property name
     */
    static ContentLine lex(String text, int from, int to) {
        int k = from;
        while (k < to && LineUnfolder.isNameChar(text.charAt(k))) {
            k++;
        }
        if (k == from) {
            return null;
        }
        String name = text.substring(from, k).toUpperCase(Locale.ROOT);
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        String tzid = null;
        boolean date = false;
        while (k < to && text.charAt(k) == ';') {
            int nameStart = ++k;
            while (k < to && text.charAt(k) != '=' && text.charAt(k) != ';' && text.charAt(k) != ':') {
                k++;
            }
            String parameter = text.substring(nameStart, k).strip();
            if (k >= to || text.charAt(k) != '=' || parameter.isEmpty()) {
                return unreadable(name);
            }
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            for (k++; k < to; k++) {
                char c = text.charAt(k);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == ';' || c == ':')) {
                    break;
                } else {
                    value.append(c);
                }
            }
            if (quoted) {
                return unreadable(name);
            }
            if (parameter.equalsIgnoreCase("TZID")) {
                tzid = tzid == null ? value.toString() : tzid;
            } else if (parameter.equalsIgnoreCase("VALUE")) {
                date = value.toString().strip().equalsIgnoreCase("DATE");
            }
        }
        if (k >= to || text.charAt(k) != ':') {
            return unreadable(name);
        }
        return new ContentLine(name, text.substring(k + 1, to), tzid, date, true);
    }

    private static ContentLine unreadable(String name) {
        return new ContentLine(name, "", null, false, false);
    }
}
