package io.bokit.http;

import io.bokit.core.port.out.ICalFeedPort.Content;
import io.bokit.core.port.out.ICalFeedPort.Failed;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import io.bokit.core.port.out.ICalFeedPort.NotModified;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One HTTP/1.1 request of a fetch, over a connection to an address the SSRF guard checked: sends the
 * conditional GET, then turns the response into a result or a redirect to judge. The request timeout
 * covers everything from sending the request to the last byte of the body; each read waits only for
 * the time left.
 */
final class HttpHop {
    static final String ACCEPT = "text/calendar, */*;q=0.1";
    static final String ACCEPT_ENCODING = "gzip, deflate";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final PinnedConnector connector;
    private final HttpFetchSettings settings;
    private final BodyReader reader;

    HttpHop(PinnedConnector connector, HttpFetchSettings settings) {
        this.connector = connector;
        this.settings = settings;
        this.reader = new BodyReader(settings.maxBodyBytes());
    }

    /** What one request produced. */
    sealed interface Outcome {}

    /** The fetch ends with this result. */
    record Done(FetchResult result) implements Outcome {}

    /** The server redirected; the Location may be null. */
    record Redirect(int status, String location) implements Outcome {}

    /** How far a request got, which tells what a timeout means. */
    private enum Phase {
        CONNECT,
        RESPONSE,
        BODY
    }

    /**
     * Makes the request to one of the checked addresses; never throws for a feed problem.
     *
     * @param uri the address requested; its host goes into SNI, the certificate check and the Host header
     * @param checked the addresses the guard checked for the URI's host; the only ones connected to
     * @throws InterruptedException if the thread was interrupted while connecting or waiting for the server
     */
    Outcome exchange(URI uri, List<InetAddress> checked, FetchRequest request) throws InterruptedException {
        byte[] head;
        try {
            head = requestHead(uri, request);
        } catch (IllegalArgumentException e) {
            return failed("invalid request (a malformed address or stored ETag/Last-Modified): "
                    + FailureMessages.detail(e, uri));
        }
        Phase phase = Phase.CONNECT;
        try (PinnedConnector.Connection connection = connector.open(uri, checked)) {
            connection.readDeadline(
                    System.nanoTime() + settings.requestTimeout().toNanos());
            phase = Phase.RESPONSE;
            OutputStream out = connection.out();
            out.write(head);
            out.flush();
            ResponseHead response = ResponseHead.read(connection.in());
            int status = response.status();
            if (REDIRECTS.contains(status)) {
                return new Redirect(status, response.first("Location"));
            }
            if (status == 304) {
                return new Done(new NotModified());
            }
            if (status >= 200 && status < 300) {
                phase = Phase.BODY;
                return new Done(content(response, connection.in()));
            }
            Instant retryAfter = status == 429 || status == 503
                    ? RetryAfter.parse(
                            response.first("Retry-After"), settings.clock().now())
                    : null;
            return new Done(new Failed(FailureMessages.forStatus(status, retryAfter), status, retryAfter));
        } catch (BodyReader.TooLargeException | BodyReader.UnsupportedEncodingException e) {
            return failed(e.getMessage());
        } catch (IOException e) {
            if (e instanceof ClosedByInterruptException
                    || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while fetching");
            }
            if (phase == Phase.BODY && e instanceof SocketTimeoutException) {
                return failed(FailureMessages.bodyTimeout(uri, settings.requestTimeout()));
            }
            return failed(FailureMessages.forNetwork(e, uri, settings.connectTimeout(), settings.requestTimeout()));
        }
    }

    private FetchResult content(ResponseHead response, InputStream connection) throws IOException {
        long declared = BodyFraming.declaredLength(response);
        if (declared > settings.maxBodyBytes()) {
            return new Failed(
                    "body exceeds " + settings.maxBodyBytes() + " bytes (Content-Length " + declared + ")", 0, null);
        }
        byte[] bytes = reader.read(BodyFraming.body(response, connection), response.first("Content-Encoding"));
        return new Content(
                CharsetSniffer.decode(bytes, response.first("Content-Type")),
                response.first("ETag"),
                response.first("Last-Modified"));
    }

    /** The request line and headers, with the original host name in {@code Host}. */
    private byte[] requestHead(URI uri, FetchRequest request) {
        URI ascii = URI.create(uri.toASCIIString());
        String target = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        if (ascii.getRawQuery() != null) {
            target += "?" + ascii.getRawQuery();
        }
        StringBuilder head =
                new StringBuilder(256).append("GET ").append(target).append(" HTTP/1.1\r\n");
        boolean defaultPort = ascii.getPort() < 0 || ascii.getPort() == (PinnedConnector.isHttps(ascii) ? 443 : 80);
        header(head, "Host", ascii.getHost() + (defaultPort ? "" : ":" + ascii.getPort()));
        header(head, "Accept", ACCEPT);
        header(head, "Accept-Encoding", ACCEPT_ENCODING);
        header(head, "User-Agent", settings.userAgent());
        if (request.etag() != null && !request.etag().isBlank()) {
            header(head, "If-None-Match", request.etag());
        }
        if (request.lastModified() != null && !request.lastModified().isBlank()) {
            header(head, "If-Modified-Since", request.lastModified());
        }
        header(head, "Connection", "close");
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Appends one header; a value with a line break or another control character is refused. */
    private static void header(StringBuilder head, String name, String value) {
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF)) {
            throw new IllegalArgumentException("invalid value for header " + name);
        }
        head.append(name).append(": ").append(value.strip()).append("\r\n");
    }

    private static Done failed(String message) {
        return new Done(new Failed(message, 0, null));
    }
}
