package io.bokit.core.ical;

/**
 * Tolerant first pass over a feed body: turns damaged real-world text into clean content lines for ical4j.
 *
 * <p>It drops a leading byte-order mark and blank lines, accepts CRLF, LF and CR line ends (mixed too), unfolds
 * continuation lines that start with a space or a TAB, merges the replacement characters left where a fold split a
 * UTF-8 sequence, and upper-cases and trims {@code BEGIN:}/{@code END:} lines. A line that does not start like a
 * content line once unfolded (a name, then {@code ;} or {@code :}) is a broken fold: it continues the property before
 * it, as if it started with a space, and after a {@code BEGIN:}/{@code END:} line it is dropped; the first line is
 * always kept (it decides whether the body is iCalendar). A NUL character or an unpaired
 * surrogate (neither is text any store keeps: PostgreSQL refuses the one and mangles the other) becomes U+FFFD, so a
 * damaged character never makes a booking unstorable. Output lines end with {@code \n}. Stateless.
 */
final class LineUnfolder {
    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private LineUnfolder() {}

    /** The unfolded content lines of {@code body}, each ended by {@code \n}; empty when the body holds no line. */
    static String unfold(String body) {
        return unfoldCounting(body).text();
    }

    /** The unfolded content lines of {@code body}, and how many of its broken folds were noise. */
    static Unfolded unfoldCounting(String body) {
        int length = body.length();
        StringBuilder out = new StringBuilder(length + 16);
        int i = 0;
        while (i < length && (body.charAt(i) == BOM || Character.isWhitespace(body.charAt(i)))) {
            i++;
        }
        int[] noise = {0};
        int lineStart = -1;
        int previousStart = -1;
        while (i < length) {
            int end = i;
            while (end < length && body.charAt(end) != '\r' && body.charAt(end) != '\n') {
                end++;
            }
            if (isBlank(body, i, end)) {
                // blank lines carry nothing (OwnerRez puts one after VTIMEZONE)
            } else if (lineStart >= 0 && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
                appendContinuation(out, body, i + 1, end);
            } else {
                previousStart = finishLine(out, lineStart, previousStart, noise);
                lineStart = out.length();
                out.append(body, i, end);
            }
            if (end < length && body.charAt(end) == '\r') {
                end++;
            }
            if (end < length && body.charAt(end) == '\n') {
                end++;
            }
            i = end;
        }
        finishLine(out, lineStart, previousStart, noise);
        return new Unfolded(out.toString(), noise[0]);
    }

    /**
     * A body after unfolding.
     *
     * @param text the content lines, each ended by {@code \n}
     * @param noiseLines the broken folds that held control characters or undecodable bytes: binary noise, not text
     */
    record Unfolded(String text, int noiseLines) {}

    /** Replaces every NUL and unpaired surrogate from {@code from} on with U+FFFD. */
    private static void replaceUnstorable(StringBuilder out, int from) {
        int end = out.length();
        for (int k = from; k < end; k++) {
            char c = out.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < end && Character.isLowSurrogate(out.charAt(k + 1))) {
                k++;
            } else if (c == '\0' || Character.isSurrogate(c)) {
                out.setCharAt(k, REPLACEMENT);
            }
        }
    }

    /**
     * Whether the line starts like a content line: a property name (letters, digits, {@code -}, {@code _}), then
     * {@code ;} or {@code :}, white space allowed before the separator.
     */
    static boolean startsContentLine(CharSequence text, int from, int to) {
        int k = from;
        while (k < to && isNameChar(text.charAt(k))) {
            k++;
        }
        if (k == from) {
            return false;
        }
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        return k < to && (text.charAt(k) == ';' || text.charAt(k) == ':');
    }

    static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean isBlank(String body, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isWhitespace(body.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static void appendContinuation(StringBuilder out, String body, int from, int to) {
        int start = from;
        if (out.length() > 0 && out.charAt(out.length() - 1) == REPLACEMENT) {
            // a fold split a multi-byte UTF-8 sequence: the decoder left one U+FFFD on each side; keep one
            while (start < to && body.charAt(start) == REPLACEMENT) {
                start++;
            }
        }
        out.append(body, start, to);
    }

    /**
     * Ends the logical line that starts at {@code lineStart}, or joins it to the line before when it is a broken fold.
     *
     * @return the start of the last line now in {@code out}
     */
    private static int finishLine(StringBuilder out, int lineStart, int previousStart, int[] noise) {
        if (lineStart < 0) {
            return previousStart;
        }
        if (previousStart >= 0 && !startsContentLine(out, lineStart, out.length())) {
            // a broken fold (the continuation lost its leading space): part of the value before it
            if (isNoise(out, lineStart)) {
                noise[0]++;
            }
            if (startsWithIgnoreCase(out, previousStart, "BEGIN:")
                    || startsWithIgnoreCase(out, previousStart, "END:")) {
                out.setLength(lineStart);
            } else {
                out.deleteCharAt(lineStart - 1);
                replaceUnstorable(out, lineStart - 1);
                out.append('\n');
            }
            return previousStart;
        }
        replaceUnstorable(out, lineStart);
        if (startsWithIgnoreCase(out, lineStart, "BEGIN:") || startsWithIgnoreCase(out, lineStart, "END:")) {
            int end = out.length();
            while (end > lineStart && out.charAt(end - 1) <= ' ') {
                end--;
            }
            out.setLength(end);
            for (int k = lineStart; k < end; k++) {
                char c = out.charAt(k);
                if (c >= 'a' && c <= 'z') {
                    out.setCharAt(k, (char) (c - ('a' - 'A')));
                }
            }
        }
        out.append('\n');
        return lineStart;
    }

    /** Whether the text from {@code from} on holds a control character (TAB aside) or an undecodable byte. */
    private static boolean isNoise(StringBuilder out, int from) {
        for (int k = from; k < out.length(); k++) {
            char c = out.charAt(k);
            if ((c < ' ' && c != '\t') || c == '\u007F' || c == REPLACEMENT) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithIgnoreCase(StringBuilder out, int from, String prefix) {
        if (out.length() - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (Character.toUpperCase(out.charAt(from + k)) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
