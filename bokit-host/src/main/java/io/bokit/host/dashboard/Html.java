package io.bokit.host.dashboard;

/**
 * HTML escaping for text and attribute values (every value the page shows passes here): {@code & < > " '} become
 * entities, and characters that HTML cannot carry (NUL, other C0 and C1 controls but tab and line feed, unpaired
 * surrogates) become U+FFFD, so no stored value can open a tag, close an attribute or break the document.
 */
final class Html {
    private Html() {}

    /** Appends the escaped text; null appends nothing. */
    static StringBuilder append(StringBuilder out, String text) {
        if (text == null) {
            return out;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < length
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)
                            || (c < 0x20 && c != '\t' && c != '\n')
                            || (c >= 0x7f && c < 0xa0)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    /** The escaped text; "" for null. */
    static String escape(String text) {
        return append(new StringBuilder(text == null ? 0 : text.length() + 16), text)
                .toString();
    }
}
