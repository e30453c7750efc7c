package io.bokit.core.ical;

/**
 * Tolerant first pass over a feed body: turns damaged real-world text into clean content lines for ical4j.
 *
 * <p>It drops a leading byte-order mark and blank lines, accepts CRLF, LF and CR line ends (mixed too), unfolds
 * continuation lines that start with a space or a TAB, merges the replacement characters left where a fold split a
 * UTF-8 sequence, and upper-cases and trims {@code BEGIN:}/{@code END:} lines. A NUL character or an unpaired
 * surrogate (neither is text any store keeps: PostgreSQL refuses the one and mangles the other) becomes U+FFFD, so a
 * damaged character never makes a booking unstorable. Output lines end with {@code \n}. Stateless.
 */
final class LineUnfolder {
    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private LineUnfolder() {}

    /** The unfolded content lines of {@code body}, each ended by {@code \n}; empty when the body holds no line. */
    static String unfold(String body) {
        int length = body.length();
        StringBuilder out = new StringBuilder(length + 16);
        int i = 0;
        while (i < length && (body.charAt(i) == BOM || Character.isWhitespace(body.charAt(i)))) {
            i++;
        }
        int lineStart = -1;
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
                finishLine(out, lineStart);
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
        finishLine(out, lineStart);
        return out.toString();
    }

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

    private static void finishLine(StringBuilder out, int lineStart) {
        if (lineStart < 0) {
            return;
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
