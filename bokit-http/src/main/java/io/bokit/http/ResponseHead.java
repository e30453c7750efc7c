package io.bokit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status and headers of an HTTP/1.x response, read from the connection up to the blank line; the
 * body is left in the stream. Interim {@code 1xx} answers are skipped. The head is bounded in size,
 * so a server cannot make bokit buffer headers without end.
 *
 * @param status the status code, 200–599
 * @param headers header values by lower-case name, in the order received
 */
record ResponseHead(int status, Map<String, List<String>> headers) {
    static final int MAX_HEAD_BYTES = 64 * 1024;

    ResponseHead {
        headers = Map.copyOf(headers);
    }

    /**
     * Reads the final response head.
     *
     * @throws ProtocolException if the connection closed before a complete head, the status line or a header is
     *     malformed, or the head is too large
     */
    static ResponseHead read(InputStream in) throws IOException {
        int budget = MAX_HEAD_BYTES;
        while (true) {
            String statusLine = line(in, budget);
            budget -= statusLine.length() + 2;
            int status = status(statusLine);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String previous = null;
            for (String line = line(in, budget); !line.isEmpty(); line = line(in, budget)) {
                budget -= line.length() + 2;
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
                    List<String> values = headers.get(previous);
                    values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new ProtocolException("malformed response header");
                }
                previous = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(previous, name -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            if (status >= 200) {
                return new ResponseHead(status, headers);
            }
            if (status == 101) {
                throw new ProtocolException("unexpected 101 Switching Protocols");
            }
            budget -= 2; // an interim 1xx answer: the final one follows
        }
    }

    /** The first value of a header, or null. */
    String first(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header, empty when absent. */
    List<String> all(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    private static int status(String line) throws ProtocolException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        String code = line.substring(9, 12);
        if (!code.chars().allMatch(Character::isDigit) || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        int status = Integer.parseInt(code);
        if (status < 100 || status > 599) {
            throw new ProtocolException("status " + status + " out of range");
        }
        return status;
    }

    /** One line without its CRLF (a bare LF is accepted too), in ISO-8859-1. */
    private static String line(InputStream in, int budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new ProtocolException("the connection closed before the response headers ended");
            }
            if (line.size() >= budget) {
                throw new ProtocolException("response headers exceed " + MAX_HEAD_BYTES + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
