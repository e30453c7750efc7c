package io.bokit.core.ical;

import java.io.Reader;

/**
 * A reader over a string without the per-character locking of {@link java.io.StringReader}: ical4j's tokenizer
 * reads one character at a time. Not thread-safe; one per parse.
 */
final class CharSequenceReader extends Reader {
    private final CharSequence text;
    private int position;

    CharSequenceReader(CharSequence text) {
        this.text = text;
    }

    @Override
    public int read() {
        return position < text.length() ? text.charAt(position++) : -1;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (position >= text.length()) {
            return -1;
        }
        int count = Math.min(length, text.length() - position);
        for (int k = 0; k < count; k++) {
            buffer[offset + k] = text.charAt(position++);
        }
        return count;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
