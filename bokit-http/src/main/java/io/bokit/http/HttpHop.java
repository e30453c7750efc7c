package io.bokit.http;

import io.bokit.core.port.out.ICalFeedPort.Content;
import io.bokit.core.port.out.ICalFeedPort.Failed;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import io.bokit.core.port.out.ICalFeedPort.NotModified;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP request of a fetch: sends the conditional GET, then turns the response into a result or
 * a redirect to judge. The request timeout covers the headers (HttpClient) and the body (a timer
 * that closes the stream).
 */
final class HttpHop {
    static final String ACCEPT = "text/calendar, */*;q=0.1";
    static final String ACCEPT_ENCODING = "gzip, deflate";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client;
    private final HttpFetchSettings settings;
    private final ScheduledExecutorService timer;
    private final BodyReader reader;

    HttpHop(HttpClient client, HttpFetchSettings settings, ScheduledExecutorService timer) {
        this.client = client;
        this.settings = settings;
        this.timer = timer;
        this.reader = new BodyReader(settings.maxBodyBytes());
    }

    /** What one request produced. */
    sealed interface Outcome {}

    /** The fetch ends with this result. */
    record Done(FetchResult result) implements Outcome {}

    /** The server redirected; the Location may be null. */
    record Redirect(int status, String location) implements Outcome {}

    /**
     * Makes the request; never throws for a feed problem.
     *
     * @throws InterruptedException if interrupted while waiting for the server
     */
    Outcome exchange(URI uri, FetchRequest request) throws InterruptedException {
        long started = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = client.send(build(uri, request), BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return failed(FailureMessages.forNetwork(e, uri, settings.connectTimeout(), settings.requestTimeout()));
        } catch (IllegalArgumentException e) {
            return failed("invalid request (a malformed address or stored ETag/Last-Modified): "
                    + FailureMessages.detail(e, uri));
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                return new Redirect(status, header(response, "Location"));
            }
            if (status == 304) {
                return new Done(new NotModified());
            }
            if (status >= 200 && status < 300) {
                return new Done(content(uri, response, body, started));
            }
            Instant retryAfter = status == 429 || status == 503
                    ? RetryAfter.parse(
                            header(response, "Retry-After"), settings.clock().now())
                    : null;
            return new Done(new Failed(FailureMessages.forStatus(status, retryAfter), status, retryAfter));
        } catch (IOException e) {
            return failed(FailureMessages.forNetwork(e, uri, settings.connectTimeout(), settings.requestTimeout()));
        }
    }

    private HttpRequest build(URI uri, FetchRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", ACCEPT_ENCODING)
                .header("User-Agent", settings.userAgent());
        if (request.etag() != null && !request.etag().isBlank()) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null && !request.lastModified().isBlank()) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        return builder.build();
    }

    private FetchResult content(URI uri, HttpResponse<InputStream> response, InputStream body, long started) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > settings.maxBodyBytes()) {
            return new Failed(
                    "body exceeds " + settings.maxBodyBytes() + " bytes (Content-Length " + declared + ")", 0, null);
        }
        long remaining = settings.requestTimeout().toNanos() - (System.nanoTime() - started);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> closer = timer.schedule(
                () -> {
                    timedOut.set(true);
                    closeQuietly(body);
                },
                Math.max(0, remaining),
                TimeUnit.NANOSECONDS);
        try {
            byte[] bytes = reader.read(body, header(response, "Content-Encoding"));
            if (timedOut.get()) {
                return new Failed(FailureMessages.bodyTimeout(uri, settings.requestTimeout()), 0, null);
            }
            return new Content(
                    CharsetSniffer.decode(bytes, header(response, "Content-Type")),
                    header(response, "ETag"),
                    header(response, "Last-Modified"));
        } catch (BodyReader.TooLargeException | BodyReader.UnsupportedEncodingException e) {
            return new Failed(e.getMessage(), 0, null);
        } catch (IOException e) {
            return new Failed(
                    timedOut.get()
                            ? FailureMessages.bodyTimeout(uri, settings.requestTimeout())
                            : FailureMessages.forNetwork(e, uri, settings.connectTimeout(), settings.requestTimeout()),
                    0,
                    null);
        } finally {
            closer.cancel(false);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static Done failed(String message) {
        return new Done(new Failed(message, 0, null));
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // the read that was waiting on the stream reports the failure
        }
    }
}
