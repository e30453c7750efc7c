package io.bokit.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a body under a byte cap while it streams, decoding gzip and deflate itself: the cap applies
 * both to the bytes on the wire and to the decoded bytes, so a compression bomb stops at the cap.
 * Never holds more than the cap (plus one read buffer) in memory.
 */
final class BodyReader {
    private static final int BUFFER = 16 * 1024;

    private final long cap;

    BodyReader(long cap) {
        this.cap = cap;
    }

    /** The body was larger than the cap. */
    static final class TooLargeException extends IOException {
        TooLargeException(long cap) {
            super("body exceeds " + cap + " bytes");
        }
    }

    /** The server used a content coding bokit did not ask for. */
    static final class UnsupportedEncodingException extends IOException {
        UnsupportedEncodingException(String coding) {
            super("unsupported Content-Encoding " + coding);
        }
    }

    /**
     * Reads the whole body.
     *
     * @param raw the body as received, closed by the caller
     * @param contentEncoding the Content-Encoding header, or null for none
     * @return the decoded bytes, at most the cap
     * @throws TooLargeException if either the received or the decoded body exceeds the cap
     * @throws UnsupportedEncodingException for a coding other than gzip, deflate or identity
     * @throws IOException if reading or decoding fails
     */
    byte[] read(InputStream raw, String contentEncoding) throws IOException {
        InputStream in = new Capped(raw, cap);
        List<String> codings = codings(contentEncoding);
        for (int i = codings.size() - 1; i >= 0; i--) {
            in = decoder(in, codings.get(i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > cap) {
                throw new TooLargeException(cap);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static List<String> codings(String header) {
        List<String> codings = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                String coding = part.strip().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty() && !coding.equals("identity")) {
                    codings.add(coding);
                }
            }
        }
        return codings;
    }

    private static InputStream decoder(InputStream in, String coding) throws IOException {
        switch (coding) {
            case "gzip":
            case "x-gzip":
                return new GZIPInputStream(in, BUFFER);
            case "deflate":
                return inflater(in);
            default:
                throw new UnsupportedEncodingException(coding);
        }
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: look at the header. */
    private static InputStream inflater(InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        int first = peek.read();
        int second = first < 0 ? -1 : peek.read();
        if (second >= 0) {
            peek.unread(second);
        }
        if (first >= 0) {
            peek.unread(first);
        }
        boolean zlib = first >= 0 && second >= 0 && (first & 0x0F) == 8 && ((first << 8) | second) % 31 == 0;
        return new InflaterInputStream(peek, new Inflater(!zlib), BUFFER);
    }

    /** Counts the bytes on the wire and fails past the cap. */
    private static final class Capped extends FilterInputStream {
        private final long cap;
        private long count;

        Capped(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > cap) {
                throw new TooLargeException(cap);
            }
        }
    }
}
