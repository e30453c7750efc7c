package io.bokit.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.List;
import java.util.Locale;

/**
 * Where an HTTP/1.1 response body ends (RFC 9112 §6): chunked transfer coding, a
 * {@code Content-Length}, or the end of the connection. A body that stops short of its length or
 * its last chunk throws {@link EOFException}, so truncation is never taken for a complete feed.
 */
final class BodyFraming {
    private BodyFraming() {}

    /**
     * The declared length, -1 when there is none or chunked coding overrides it.
     *
     * @throws ProtocolException if the Content-Length is malformed or given twice with different values
     */
    static long declaredLength(ResponseHead head) throws ProtocolException {
        if (!head.all("Transfer-Encoding").isEmpty()) {
            return -1;
        }
        long length = -1;
        for (String value : head.all("Content-Length")) {
            for (String part : value.split(",")) {
                String digits = part.strip();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
                    throw new ProtocolException("invalid Content-Length");
                }
                long parsed = Long.parseLong(digits);
                if (length >= 0 && parsed != length) {
                    throw new ProtocolException("conflicting Content-Length values");
                }
                length = parsed;
            }
        }
        return length;
    }

    /**
     * The body of the response as a stream that ends where the body ends.
     *
     * @throws ProtocolException for a transfer coding other than chunked, or a malformed length
     */
    static InputStream body(ResponseHead head, InputStream connection) throws ProtocolException {
        List<String> codings = head.all("Transfer-Encoding");
        if (!codings.isEmpty()) {
            String all = String.join(",", codings).toLowerCase(Locale.ROOT).replace(" ", "");
            if (!all.equals("chunked")) {
                throw new ProtocolException("unsupported Transfer-Encoding " + all);
            }
            return new Chunked(connection);
        }
        long length = declaredLength(head);
        return length >= 0 ? new Fixed(connection, length) : connection;
    }

    /** Exactly {@code length} bytes. */
    private static final class Fixed extends InputStream {
        private final InputStream in;
        private long remaining;

        Fixed(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw new EOFException("the body ended " + remaining + " bytes short of its Content-Length");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The chunked transfer coding: hex size lines, data, a zero-size chunk and optional trailers. */
    static final class Chunked extends InputStream {
        private static final int MAX_LINE = 4096;
        private final InputStream in;
        private long remaining;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            if (remaining == 0) {
                remaining = nextChunkSize();
                if (remaining == 0) {
                    skipTrailers();
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw new EOFException("the chunked body ended in the middle of a chunk");
            }
            remaining -= n;
            if (remaining == 0 && !line().isEmpty()) {
                throw new ProtocolException("a chunk is not followed by CRLF");
            }
            return n;
        }

        private long nextChunkSize() throws IOException {
            String line = line();
            int extension = line.indexOf(';');
            String hex = (extension >= 0 ? line.substring(0, extension) : line).strip();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new ProtocolException("invalid chunk size");
            }
            return Long.parseLong(hex, 16);
        }

        private void skipTrailers() throws IOException {
            int budget = ResponseHead.MAX_HEAD_BYTES;
            for (String line = line(); !line.isEmpty(); line = line()) {
                budget -= line.length() + 2;
                if (budget < 0) {
                    throw new ProtocolException("chunked trailers too large");
                }
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the chunked body ended before its last chunk");
                }
                if (line.length() >= MAX_LINE) {
                    throw new ProtocolException("chunk line too long");
                }
                line.append((char) b);
            }
            int end = line.length();
            return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
