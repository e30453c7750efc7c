package io.bokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort.Content;
import io.bokit.core.port.out.ICalFeedPort.Failed;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import io.bokit.core.port.out.ICalFeedPort.NotModified;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fetcher against a real JDK HTTP server on 127.0.0.1 (loopback allowed on purpose). */
class HttpFeedFetcherTest {
    static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    final FeedServer server = FeedServer.http();
    final HttpFeedFetcher fetcher = new HttpFeedFetcher(settings().build());

    static HttpFetchSettings.Builder settings() {
        return HttpFetchSettings.builder()
                .allowLoopback()
                .requestTimeout(Duration.ofSeconds(10))
                .clock(() -> NOW);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    FetchResult fetch(String path) {
        return fetcher.fetch(FetchRequest.of(server.feed(path)));
    }

    static Failed failed(FetchResult result) {
        assertThat(result).isInstanceOf(Failed.class);
        return (Failed) result;
    }

    static Content content(FetchResult result) {
        assertThat(result).isInstanceOf(Content.class);
        return (Content) result;
    }

    @Nested
    class Success {
        @Test
        void returnsTheBodyAndItsValidatorsOn200() {
            server.on(
                    "/cal.ics",
                    200,
                    ICS,
                    "Content-Type",
                    "text/calendar; charset=utf-8",
                    "ETag",
                    "\"v1\"",
                    "Last-Modified",
                    "Sat, 28 Nov 2026 10:00:00 GMT");

            Content content = content(fetch("/cal.ics"));

            assertThat(content.body()).isEqualTo(ICS);
            assertThat(content.etag()).isEqualTo("\"v1\"");
            assertThat(content.lastModified()).isEqualTo("Sat, 28 Nov 2026 10:00:00 GMT");
            var headers = server.received().get(0).headers();
            assertThat(headers.getFirst("Accept")).isEqualTo("text/calendar, */*;q=0.1");
            assertThat(headers.getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
            assertThat(headers.getFirst("User-Agent")).isEqualTo("bokit/dev (+https://github.com/bokit)");
            assertThat(headers.containsKey("If-None-Match")).isFalse();
        }

        @Test
        void sendsTheValidatorsBackAndReportsNotModifiedOn304() {
            server.on("/cal.ics", exchange -> {
                var request = exchange.getRequestHeaders();
                if ("\"v1\"".equals(request.getFirst("If-None-Match"))
                        && "Sat, 28 Nov 2026 10:00:00 GMT".equals(request.getFirst("If-Modified-Since"))) {
                    FeedServer.respond(exchange, 304, "");
                    return;
                }
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.getResponseHeaders().add("Last-Modified", "Sat, 28 Nov 2026 10:00:00 GMT");
                FeedServer.respond(exchange, 200, ICS);
            });
            Content first = content(fetch("/cal.ics"));

            FetchResult second = fetcher.fetch(
                    new FetchRequest(server.feed("/cal.ics"), first.etag(), first.lastModified(), Duration.ZERO));

            assertThat(second).isInstanceOf(NotModified.class);
            assertThat(server.received().get(1).headers().getFirst("If-None-Match"))
                    .isEqualTo("\"v1\"");
        }

        @Test
        void sendsTheConfiguredUserAgent() {
            HttpFeedFetcher browserLike = new HttpFeedFetcher(settings()
                    .userAgent("Mozilla/5.0 (compatible; MyRentals/2.1)")
                    .build());
            server.on("/cal.ics", 200, ICS);

            browserLike.fetch(FetchRequest.of(server.feed("/cal.ics")));

            assertThat(server.received().get(0).headers().getFirst("User-Agent"))
                    .isEqualTo("Mozilla/5.0 (compatible; MyRentals/2.1)");
        }

        @Test
        void returnsAnHtmlPageAsContentForTheParserToReject() {
            server.on("/cal.ics", 200, "<!DOCTYPE html><html><body>Log in</body></html>", "Content-Type", "text/html");

            assertThat(content(fetch("/cal.ics")).body()).startsWith("<!DOCTYPE html>");
        }
    }

    @Nested
    class Redirects {
        @Test
        void followsA301_302_307Chain() {
            server.on("/a", 301, "", "Location", server.url("/b"))
                    .on("/b", 302, "", "Location", "/c?x=1")
                    .on("/c", 307, "", "Location", "feed.ics")
                    .on("/feed.ics", 200, ICS);

            assertThat(content(fetch("/a")).body()).isEqualTo(ICS);
            assertThat(server.received())
                    .extracting(FeedServer.Received::pathAndQuery)
                    .containsExactly("/a", "/b", "/c?x=1", "/feed.ics");
        }

        @Test
        void stopsARedirectLoop() {
            server.on("/x", 302, "", "Location", "/y").on("/y", 302, "", "Location", "/x");

            Failed failed = failed(fetch("/x"));

            assertThat(failed.message()).startsWith("redirect loop at http://127.0.0.1:");
            assertThat(failed.httpStatus()).isZero();
            assertThat(server.received()).hasSize(2);
        }

        @Test
        void followsAtMostFiveRedirects() {
            for (int i = 0; i < 10; i++) {
                server.on("/r" + i, 302, "", "Location", "/r" + (i + 1));
            }

            Failed failed = failed(fetch("/r0"));

            assertThat(failed.message()).isEqualTo("too many redirects (more than 5)");
            assertThat(server.received()).hasSize(6);
        }

        @Test
        void failsARedirectWithoutLocation() {
            server.on("/a", 302, "");

            assertThat(failed(fetch("/a")).message()).isEqualTo("redirect without a Location header");
        }

        @Test
        void refusesARedirectFromHttpsToHttp() {
            try (FeedServer tls = FeedServer.https()) {
                server.on("/cal.ics", 200, ICS);
                tls.on("/secure.ics", 200, ICS).on("/moved.ics", 302, "", "Location", server.url("/cal.ics"));
                HttpFeedFetcher withTls = new HttpFeedFetcher(
                        settings().sslContext(FeedServer.tls()).build());

                FetchResult direct = withTls.fetch(FetchRequest.of(tls.feed("/secure.ics")));
                FetchResult downgraded = withTls.fetch(FetchRequest.of(tls.feed("/moved.ics")));

                assertThat(content(direct).body()).isEqualTo(ICS);
                assertThat(failed(downgraded).message()).startsWith("refused: redirect from https to http");
                assertThat(server.received()).isEmpty();
            }
        }

        @Test
        void refusesARedirectToAFileUrl() {
            server.on("/a", 302, "", "Location", "file:///etc/passwd");

            assertThat(failed(fetch("/a")).message()).isEqualTo("refused: redirect to a file address");
        }
    }

    @Nested
    class Statuses {
        @ParameterizedTest
        @CsvSource({
            "403, forbidden — the token may have expired",
            "404, not found",
            "410, gone",
            "500, server error",
        })
        void failsWithTheStatusAndAShortReason(int status, String reason) {
            server.on("/cal.ics", status, "<html>error</html>");

            Failed failed = failed(fetch("/cal.ics"));

            assertThat(failed.httpStatus()).isEqualTo(status);
            assertThat(failed.message()).startsWith(reason);
            assertThat(failed.retryAfter()).isNull();
        }

        @Test
        void honoursRetryAfterSecondsOn429() {
            server.on("/cal.ics", 429, "slow down", "Retry-After", "120");

            Failed failed = failed(fetch("/cal.ics"));

            assertThat(failed.httpStatus()).isEqualTo(429);
            assertThat(failed.retryAfter()).isEqualTo(NOW.plusSeconds(120));
            assertThat(failed.message()).isEqualTo("too many requests; retry after 2026-11-28T12:02:00Z");
        }

        @Test
        void honoursRetryAfterHttpDateOn429() {
            server.on("/cal.ics", 429, "", "Retry-After", "Sat, 28 Nov 2026 15:30:00 GMT");

            assertThat(failed(fetch("/cal.ics")).retryAfter()).isEqualTo(Instant.parse("2026-11-28T15:30:00Z"));
        }

        @Test
        void honoursRetryAfterOn503() {
            server.on("/cal.ics", 503, "", "Retry-After", "3600");

            Failed failed = failed(fetch("/cal.ics"));

            assertThat(failed.httpStatus()).isEqualTo(503);
            assertThat(failed.retryAfter()).isEqualTo(NOW.plusSeconds(3600));
        }

        @Test
        void leavesRetryAfterEmptyWhenAbsentOrUnreadable() {
            server.on("/a", 503, "").on("/b", 429, "", "Retry-After", "soon");

            assertThat(failed(fetch("/a")).retryAfter()).isNull();
            assertThat(failed(fetch("/b")).retryAfter()).isNull();
        }
    }

    @Nested
    class NetworkFailures {
        @Test
        void reportsConnectionRefused() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", 0));
                port = socket.getLocalPort();
            }

            Failed failed =
                    failed(fetcher.fetch(FetchRequest.of(FeedUrl.parse("http://127.0.0.1:" + port + "/cal.ics"))));

            assertThat(failed.httpStatus()).isZero();
            assertThat(failed.message()).startsWith("could not connect to 127.0.0.1:" + port);
        }

        @Test
        void timesOutWaitingForSlowHeaders() {
            CountDownLatch release = new CountDownLatch(1);
            server.on("/cal.ics", exchange -> {
                awaitQuietly(release);
                FeedServer.respond(exchange, 200, ICS);
            });
            HttpFeedFetcher impatient = new HttpFeedFetcher(
                    settings().requestTimeout(Duration.ofMillis(300)).build());
            try {
                Failed failed = failed(impatient.fetch(FetchRequest.of(server.feed("/cal.ics"))));

                assertThat(failed.httpStatus()).isZero();
                assertThat(failed.message())
                        .isEqualTo("no response from 127.0.0.1:" + server.port() + " within 300 ms");
            } finally {
                release.countDown();
            }
        }

        @Test
        void timesOutOnABodyThatStalls() {
            CountDownLatch release = new CountDownLatch(1);
            server.on("/cal.ics", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                awaitQuietly(release);
            });
            HttpFeedFetcher impatient = new HttpFeedFetcher(
                    settings().requestTimeout(Duration.ofMillis(500)).build());
            try {
                Failed failed = failed(impatient.fetch(FetchRequest.of(server.feed("/cal.ics"))));

                assertThat(failed.httpStatus()).isZero();
                assertThat(failed.message()).isEqualTo("timed out reading the body from 127.0.0.1 after 500 ms");
            } finally {
                release.countDown();
            }
        }

        @Test
        void reportsABodyCutOffMidway() {
            server.on("/cal.ics", exchange -> {
                exchange.sendResponseHeaders(200, 10_000);
                exchange.getResponseBody().write("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                exchange.getHttpContext().getServer().stop(0);
            });

            Failed failed = failed(fetch("/cal.ics"));

            assertThat(failed.httpStatus()).isZero();
            assertThat(failed.message())
                    .isEqualTo("the body from 127.0.0.1:" + server.port() + " ended early (truncated)");
        }

        @Test
        void anInterruptStopsAFetchWaitingForTheServer() throws Exception {
            CountDownLatch arrived = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            server.on("/cal.ics", exchange -> {
                arrived.countDown();
                awaitQuietly(release);
                FeedServer.respond(exchange, 200, ICS);
            });
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Object[]> fetching = pool.submit(() ->
                        new Object[] {fetch("/cal.ics"), Thread.currentThread().isInterrupted()});
                assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

                pool.shutdownNow(); // interrupts the fetching thread; the request timeout is 10 s

                Object[] outcome = fetching.get(5, TimeUnit.SECONDS);
                assertThat(failed((FetchResult) outcome[0]).message()).isEqualTo("interrupted while fetching");
                assertThat(outcome[1]).isEqualTo(true);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }

        @Test
        void stopsAnEndlessBodyAtTheCap() {
            server.on("/cal.ics", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[8192];
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 100_000; i++) {
                        out.write(chunk);
                    }
                } catch (IOException clientWentAway) {
                    // expected: the fetcher hangs up at the cap
                }
            });
            HttpFeedFetcher capped =
                    new HttpFeedFetcher(settings().maxBodyBytes(64 * 1024).build());

            Failed failed = failed(capped.fetch(FetchRequest.of(server.feed("/cal.ics"))));

            assertThat(failed.message()).isEqualTo("body exceeds 65536 bytes");
            assertThat(failed.httpStatus()).isZero();
        }
    }

    @Nested
    class Wire {
        /** Serves one connection with the given raw bytes after reading the request head, then closes it. */
        String rawServer(String response) throws Exception {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread thread = new Thread(() -> {
                try (listener;
                        java.net.Socket connection = listener.accept()) {
                    var in = new java.io.BufferedReader(
                            new java.io.InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        requestLines.add(line);
                    }
                    connection.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // the test's assertion on the fetch result reports what went wrong
                }
            });
            thread.setDaemon(true);
            thread.start();
            return "http://127.0.0.1:" + listener.getLocalPort() + "/cal.ics?token=abc";
        }

        final List<String> requestLines = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Test
        void readsABodyWithoutALengthUntilTheConnectionCloses() throws Exception {
            String url = rawServer("HTTP/1.0 200 OK\r\nContent-Type: text/calendar\r\n\r\n" + ICS);

            assertThat(content(fetcher.fetch(FetchRequest.of(FeedUrl.parse(url))))
                            .body())
                    .isEqualTo(ICS);
            assertThat(requestLines.get(0)).isEqualTo("GET /cal.ics?token=abc HTTP/1.1");
            assertThat(requestLines).contains("Connection: close");
        }

        @Test
        void skipsAnInterim100AndJoinsAFoldedHeader() throws Exception {
            String url = rawServer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nETag: \"v1\r\n  v2\"\r\n"
                    + "Content-Length: " + ICS.length() + "\r\n\r\n" + ICS);

            Content content = content(fetcher.fetch(FetchRequest.of(FeedUrl.parse(url))));

            assertThat(content.body()).isEqualTo(ICS);
            assertThat(content.etag()).isEqualTo("\"v1 v2\"");
        }

        @Test
        void failsAnAnswerThatIsNotHttp() throws Exception {
            String url = rawServer("SSH-2.0-OpenSSH_9.2\r\n");

            assertThat(failed(fetcher.fetch(FetchRequest.of(FeedUrl.parse(url))))
                            .message())
                    .startsWith("invalid HTTP response from 127.0.0.1:")
                    .endsWith("not an HTTP/1.x status line");
        }

        @Test
        void refusesAStoredEtagWithALineBreakWithoutSendingIt() {
            server.on("/cal.ics", 200, ICS);

            FetchResult result = fetcher.fetch(
                    new FetchRequest(server.feed("/cal.ics"), "\"v1\"\r\nX-Injected: yes", null, Duration.ZERO));

            assertThat(failed(result).message())
                    .startsWith("invalid request (a malformed address or stored ETag/Last-Modified)");
            assertThat(server.received()).isEmpty();
        }
    }

    @Nested
    class BodySize {
        final HttpFeedFetcher capped =
                new HttpFeedFetcher(settings().maxBodyBytes(1024).build());

        @Test
        void refusesADeclaredBodyOverTheCap() {
            server.on("/cal.ics", 200, "x".repeat(2048));

            assertThat(failed(capped.fetch(FetchRequest.of(server.feed("/cal.ics"))))
                            .message())
                    .isEqualTo("body exceeds 1024 bytes (Content-Length 2048)");
        }

        @Test
        void stopsAStreamedBodyOverTheCap() {
            server.on("/cal.ics", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(new byte[2048]);
            });

            assertThat(failed(capped.fetch(FetchRequest.of(server.feed("/cal.ics"))))
                            .message())
                    .isEqualTo("body exceeds 1024 bytes");
        }

        @Test
        void acceptsABodyOfExactlyTheCap() {
            server.on("/cal.ics", 200, "x".repeat(1024));

            assertThat(content(capped.fetch(FetchRequest.of(server.feed("/cal.ics"))))
                            .body())
                    .hasSize(1024);
        }

        @Test
        void stopsAGzipBombAtTheCap() throws IOException {
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    gzip.write(zeros);
                }
            }
            server.on("/cal.ics", exchange -> {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                FeedServer.respond(exchange, 200, bomb.toByteArray());
            });
            HttpFeedFetcher oneMiB =
                    new HttpFeedFetcher(settings().maxBodyBytes(1 << 20).build());

            Failed failed = failed(oneMiB.fetch(FetchRequest.of(server.feed("/cal.ics"))));

            assertThat(bomb.size()).isLessThan(1 << 20);
            assertThat(failed.message()).isEqualTo("body exceeds 1048576 bytes");
        }

        @Test
        void decodesGzipAndBothFormsOfDeflate() throws IOException {
            byte[] ics = ICS.getBytes(StandardCharsets.UTF_8);
            byte[] gzip = compress(ics, "gzip");
            byte[] zlib = compress(ics, "zlib");
            byte[] raw = compress(ics, "raw");
            server.on("/gzip", exchange -> encoded(exchange, "gzip", gzip))
                    .on("/zlib", exchange -> encoded(exchange, "deflate", zlib))
                    .on("/raw", exchange -> encoded(exchange, "deflate", raw));

            assertThat(content(fetch("/gzip")).body()).isEqualTo(ICS);
            assertThat(content(fetch("/zlib")).body()).isEqualTo(ICS);
            assertThat(content(fetch("/raw")).body()).isEqualTo(ICS);
        }

        private void encoded(HttpExchange exchange, String coding, byte[] body) throws IOException {
            exchange.getResponseHeaders().add("Content-Encoding", coding);
            FeedServer.respond(exchange, 200, body);
        }

        private byte[] compress(byte[] data, String form) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream stream = form.equals("gzip")
                    ? new GZIPOutputStream(out)
                    : new DeflaterOutputStream(out, new java.util.zip.Deflater(9, form.equals("raw")))) {
                stream.write(data);
            }
            return out.toByteArray();
        }
    }

    @Nested
    class Charsets {
        void serve(byte[] body, String contentType) {
            server.on("/cal.ics", exchange -> {
                if (contentType != null) {
                    exchange.getResponseHeaders().add("Content-Type", contentType);
                }
                FeedServer.respond(exchange, 200, body);
            });
        }

        String text(byte[] body, String contentType) {
            serve(body, contentType);
            return content(fetch("/cal.ics")).body();
        }

        @Test
        void readsUtf8WhenNoCharsetIsDeclared() {
            assertThat(text("SUMMARY:Café €".getBytes(StandardCharsets.UTF_8), "text/calendar"))
                    .isEqualTo("SUMMARY:Café €");
        }

        @Test
        void usesTheDeclaredCharset() {
            assertThat(text(
                            "SUMMARY:Café".getBytes(StandardCharsets.ISO_8859_1),
                            "text/calendar; charset=\"ISO-8859-1\""))
                    .isEqualTo("SUMMARY:Café");
        }

        @Test
        void fallsBackToWindows1252WhenDeclaredUtf8IsWrong() {
            byte[] bytes = "SUMMARY:Café – 10 €".getBytes(Charset.forName("windows-1252"));

            assertThat(text(bytes, "text/calendar; charset=utf-8")).isEqualTo("SUMMARY:Café – 10 €");
        }

        @Test
        void fallsBackToWindows1252ForInvalidUtf8WithoutCharset() {
            byte[] bytes = "SUMMARY:Müller – 10 €".getBytes(Charset.forName("windows-1252"));

            assertThat(text(bytes, null)).isEqualTo("SUMMARY:Müller – 10 €");
        }

        @Test
        void ignoresAnUnknownCharsetName() {
            assertThat(text("SUMMARY:Café".getBytes(StandardCharsets.UTF_8), "text/calendar; charset=x-bogus-42"))
                    .isEqualTo("SUMMARY:Café");
        }

        @Test
        void readsUtf16WithAByteOrderMarkAndStripsIt() {
            byte[] littleEndian = withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, ICS, StandardCharsets.UTF_16LE);

            assertThat(text(littleEndian, "text/calendar")).isEqualTo(ICS);
        }

        @Test
        void readsBigEndianUtf16WithAByteOrderMark() {
            byte[] bigEndian = withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, ICS, StandardCharsets.UTF_16BE);

            assertThat(text(bigEndian, null)).isEqualTo(ICS);
        }

        @Test
        void stripsAUtf8ByteOrderMark() {
            byte[] bytes = withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ICS, StandardCharsets.UTF_8);

            assertThat(text(bytes, "text/calendar; charset=utf-8")).isEqualTo(ICS);
        }

        private byte[] withBom(byte[] bom, String text, Charset charset) {
            byte[] body = text.getBytes(charset);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, bom.length);
            System.arraycopy(body, 0, all, bom.length, body.length);
            return all;
        }
    }

    @Nested
    class Politeness {
        @Test
        void neverHasTwoRequestsInFlightToOneHost() throws Exception {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch overlap = new CountDownLatch(4);
            server.on("/cal.ics", exchange -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                overlap.countDown();
                // had the fetcher sent them together, all four would meet here and pass at once
                awaitQuietly(overlap, 200);
                inFlight.decrementAndGet();
                FeedServer.respond(exchange, 200, ICS);
            });
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<FetchResult>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    results.add(pool.submit(() -> fetch("/cal.ics")));
                }
                for (Future<FetchResult> result : results) {
                    assertThat(result.get(30, TimeUnit.SECONDS)).isInstanceOf(Content.class);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(most.get()).isEqualTo(1);
            assertThat(server.received()).hasSize(4);
        }

        @Test
        void spacesRequestsToOneHostByTheRequestDelay() {
            List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
            server.on("/cal.ics", exchange -> {
                arrivals.add(System.nanoTime());
                FeedServer.respond(exchange, 200, ICS);
            });
            FetchRequest request = new FetchRequest(server.feed("/cal.ics"), null, null, Duration.ofMillis(300));

            fetcher.fetch(request);
            fetcher.fetch(request);

            assertThat(arrivals).hasSize(2);
            assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        awaitQuietly(latch, 10_000);
    }

    static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
