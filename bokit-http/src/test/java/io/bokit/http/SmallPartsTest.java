package io.bokit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of the fetcher's parts: settings, redirect policy, Retry-After, charsets, body cap, network failure
 * messages, throttle.
 */
class SmallPartsTest {

    @Nested
    class Settings {
        @Test
        void hasTheDocumentedDefaults() {
            HttpFetchSettings defaults = HttpFetchSettings.defaults();

            assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(defaults.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
            assertThat(defaults.maxRedirects()).isEqualTo(5);
            assertThat(defaults.userAgent()).isEqualTo("bokit/dev (+https://github.com/bokit)");
            assertThat(defaults.allowFileUrls()).isFalse();
            assertThat(defaults.allowedAddresses()).isEmpty();
            assertThat(defaults.sslContext()).isEmpty();
        }

        @Test
        void namesTheBadSettingItsValueAndWhatIsAllowed() {
            assertThatThrownBy(() -> HttpFetchSettings.builder()
                            .connectTimeout(Duration.ZERO)
                            .build())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("connectTimeout must be more than 0 and at most PT10M, was PT0S");
            assertThatThrownBy(() ->
                            HttpFetchSettings.builder().requestTimeout(null).build())
                    .hasMessage("requestTimeout must be more than 0 and at most PT1H, was null");
            assertThatThrownBy(() -> HttpFetchSettings.builder().maxBodyBytes(0).build())
                    .hasMessage("maxBodyBytes must be between 1 and 1073741824 (1 GiB), was 0");
            assertThatThrownBy(
                            () -> HttpFetchSettings.builder().maxRedirects(21).build())
                    .hasMessage("maxRedirects must be between 0 and 20, was 21");
            assertThatThrownBy(() -> HttpFetchSettings.builder()
                            .userAgent("bokit\r\nX: y")
                            .build())
                    .hasMessage("userAgent must be non-blank printable text without line breaks, was \"bokit??X: y\"");
            assertThatThrownBy(() -> HttpFetchSettings.builder().allow("intranet.local"))
                    .hasMessageContaining("CIDR notation")
                    .hasMessageEndingWith("was intranet.local");
        }

        @Test
        void toBuilderKeepsEveryValue() {
            HttpFetchSettings settings = HttpFetchSettings.builder()
                    .maxRedirects(2)
                    .allow("10.1.0.0/16")
                    .allowFileUrls(true)
                    .build();

            assertThat(settings.toBuilder().build()).isEqualTo(settings);
        }
    }

    @Nested
    class Cidr {
        @Test
        void containsOnlyItsBlock() throws Exception {
            CidrRange range = CidrRange.parse("172.16.0.0/12");

            assertThat(range.contains(InetAddress.getByName("172.31.255.255"))).isTrue();
            assertThat(range.contains(InetAddress.getByName("172.32.0.0"))).isFalse();
            assertThat(range.contains(InetAddress.getByName("::1"))).isFalse();
            assertThat(CidrRange.parse("10.1.2.3").toString()).isEqualTo("10.1.2.3/32");
            assertThat(CidrRange.parse("fd00::1/8").toString()).isEqualTo("fd00:0:0:0:0:0:0:0/8");
        }

        @Test
        void rejectsAPrefixTooLong() {
            assertThatThrownBy(() -> CidrRange.parse("10.0.0.0/33"))
                    .hasMessage("prefixLength must be between 0 and 32 for 10.0.0.0, was 33");
        }
    }

    @Nested
    class Redirects {
        final RedirectPolicy policy = new RedirectPolicy(5);
        final URI https = URI.create("https://feeds.example.com/a.ics?token=x");

        @Test
        void followsRelativeAndSameOrStrongerSchemes() {
            assertThat(policy.next(https, "/b.ics#part", Set.of(https), 0))
                    .isEqualTo(new RedirectPolicy.Follow(URI.create("https://feeds.example.com/b.ics")));
            assertThat(policy.next(URI.create("http://a.example/x"), "https://b.example/y", Set.of(), 0))
                    .isInstanceOf(RedirectPolicy.Follow.class);
        }

        @Test
        void refusesADowngradeToHttpWithTheTargetMasked() {
            assertThat(policy.next(https, "http://feeds.example.com/a.ics?token=x", Set.of(https), 0))
                    .isEqualTo(new RedirectPolicy.Refuse(
                            "refused: redirect from https to http (http://feeds.example.com/a.ics?…)"));
        }

        @Test
        void refusesOtherSchemesLoopsAndTheSixthRedirect() {
            assertThat(policy.next(https, "ftp://x.example/y", Set.of(), 0))
                    .isEqualTo(new RedirectPolicy.Refuse("refused: redirect to a ftp address"));
            assertThat(policy.next(https, "https://feeds.example.com/a.ics?token=x", Set.of(https), 0))
                    .isEqualTo(new RedirectPolicy.Refuse("redirect loop at https://feeds.example.com/a.ics?…"));
            assertThat(policy.next(https, "/next", Set.of(https), 5))
                    .isEqualTo(new RedirectPolicy.Refuse("too many redirects (more than 5)"));
            assertThat(policy.next(https, " ", Set.of(), 0))
                    .isEqualTo(new RedirectPolicy.Refuse("redirect without a Location header"));
        }
    }

    @Nested
    class RetryAfterHeader {
        final Instant now = Instant.parse("2026-11-28T12:00:00Z");

        @Test
        void readsSecondsAndHttpDates() {
            assertThat(RetryAfter.parse("90", now)).isEqualTo(now.plusSeconds(90));
            assertThat(RetryAfter.parse("Sat, 28 Nov 2026 13:00:00 GMT", now))
                    .isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
        }

        @Test
        void ignoresGarbageAndCapsHugeWaits() {
            assertThat(RetryAfter.parse(null, now)).isNull();
            assertThat(RetryAfter.parse("-5", now)).isNull();
            assertThat(RetryAfter.parse("tomorrow", now)).isNull();
            assertThat(RetryAfter.parse("99999999999", now)).isEqualTo(now.plus(Duration.ofDays(7)));
            assertThat(RetryAfter.parse("Fri, 31 Dec 2100 00:00:00 GMT", now)).isEqualTo(now.plus(Duration.ofDays(7)));
        }
    }

    @Nested
    class Charsets {
        @Test
        void aByteOrderMarkWinsOverTheDeclaredCharset() {
            byte[] bytes = {(byte) 0xFF, (byte) 0xFE, 'A', 0, 'B', 0};

            assertThat(CharsetSniffer.decode(bytes, "text/calendar; charset=utf-8"))
                    .isEqualTo("AB");
        }

        @Test
        void readsTheCharsetParameterInAnyCase() {
            assertThat(CharsetSniffer.declared("text/calendar;CHARSET=\"UTF-16BE\""))
                    .contains(StandardCharsets.UTF_16BE);
            assertThat(CharsetSniffer.declared("text/calendar")).isEmpty();
            assertThat(CharsetSniffer.declared(null)).isEmpty();
        }

        @Test
        void decodesAnEmptyBody() {
            assertThat(CharsetSniffer.decode(new byte[0], null)).isEmpty();
        }
    }

    @Nested
    class Body {
        @Test
        void stopsDecodingABombAtTheCapWithoutReadingItAll() throws IOException {
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
                gzip.write(new byte[8 * 1024 * 1024]);
            }

            assertThatThrownBy(() -> new BodyReader(4096).read(new ByteArrayInputStream(bomb.toByteArray()), "gzip"))
                    .isInstanceOf(BodyReader.TooLargeException.class)
                    .hasMessage("body exceeds 4096 bytes");
        }

        @Test
        void refusesAnEncodingItDidNotAskFor() {
            assertThatThrownBy(() -> new BodyReader(4096).read(new ByteArrayInputStream(new byte[] {1}), "br"))
                    .hasMessage("unsupported Content-Encoding br");
        }
    }

    @Nested
    class Framing {
        ResponseHead head(String text) throws IOException {
            return ResponseHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        }

        String body(String head, String body) throws IOException {
            InputStream framed =
                    BodyFraming.body(head(head), new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)));
            return new String(framed.readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        @Test
        void decodesChunksWithExtensionsAndTrailersAndStopsAtTheLastChunk() throws IOException {
            String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

            assertThat(body(chunked, "5;name=x\r\nBEGIN\r\n0A\r\n:VCALENDAR\r\n0\r\nX-Trailer: t\r\n\r\nnext"))
                    .isEqualTo("BEGIN:VCALENDAR");
        }

        @Test
        void aChunkedBodyCutShortIsAnEndOfFileNotACompleteBody() {
            String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

            assertThatThrownBy(() -> body(chunked, "10\r\nBEGIN")).isInstanceOf(EOFException.class);
            assertThatThrownBy(() -> body(chunked, "5\r\nBEGIN\r\n")).isInstanceOf(EOFException.class);
            assertThatThrownBy(() -> body(chunked, "zz\r\n")).hasMessage("invalid chunk size");
        }

        @Test
        void aBodyOfADeclaredLengthEndsThereOrFailsShort() throws IOException {
            assertThat(body("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", "BEGIN:VCALENDAR"))
                    .isEqualTo("BEGIN");
            assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n", "BEGIN"))
                    .isInstanceOf(EOFException.class);
        }

        @Test
        void refusesConflictingLengthsUnknownTransferCodingsAndAnEndlessHead() {
            assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", ""))
                    .hasMessage("conflicting Content-Length values");
            assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", ""))
                    .hasMessage("unsupported Transfer-Encoding gzip,chunked");
            assertThatThrownBy(() -> head("HTTP/1.1 200 OK\r\nX: " + "a".repeat(70_000) + "\r\n\r\n"))
                    .hasMessage("response headers exceed 65536 bytes");
            assertThatThrownBy(() -> head("HTTP/1.1 200 OK\r\nContent-"))
                    .hasMessage("the connection closed before the response headers ended");
        }

        @Test
        void readsHeadersCaseInsensitivelyInTheirOrder() throws IOException {
            ResponseHead head = head("HTTP/1.1 302 Found\r\nlocation: /a\r\nSet-Cookie: 1\r\nset-cookie: 2\r\n\r\n");

            assertThat(head.status()).isEqualTo(302);
            assertThat(head.first("Location")).isEqualTo("/a");
            assertThat(head.all("SET-COOKIE")).containsExactly("1", "2");
            assertThat(head.first("ETag")).isNull();
        }
    }

    @Nested
    class NetworkFailures {
        final URI uri = URI.create("http://127.0.0.1:8080/feed.ics?s=token");
        final Duration timeout = Duration.ofSeconds(5);

        @Test
        void saysABodyCutShortOfItsContentLengthWasTruncated() {
            // a decoder's chain for a connection closed in the middle of a body
            IOException closed = new IOException(
                    "closed",
                    new IOException(
                            "fixed content-length: 2000, bytes received: 1000",
                            new EOFException("EOF reached while reading")));

            assertThat(FailureMessages.forNetwork(closed, uri, timeout, timeout))
                    .isEqualTo("the body from 127.0.0.1:8080 ended early (truncated)");
        }

        @Test
        void saysAConnectionResetInTheMiddleOfABodyWasReset() {
            IOException closed = new IOException(
                    "closed",
                    new IOException(
                            "fixed content-length: 2000, bytes received: 1000",
                            new SocketException("Connection reset")));

            assertThat(FailureMessages.forNetwork(closed, uri, timeout, timeout))
                    .isEqualTo("the connection to 127.0.0.1:8080 was reset");
        }

        @Test
        void namesAnyOtherNetworkErrorWithoutTheQuery() {
            IOException other = new IOException("broken pipe while writing /feed.ics?s=token");

            assertThat(FailureMessages.forNetwork(other, uri, timeout, timeout))
                    .isEqualTo("network error with 127.0.0.1:8080: broken pipe while writing /feed.ics?…");
        }
    }

    @Nested
    class Throttle {
        final AtomicLong clock = new AtomicLong(1_000_000_000L);
        final List<Long> slept = new ArrayList<>();
        final HostThrottle throttle = new HostThrottle(clock::get, nanos -> {
            slept.add(nanos);
            clock.addAndGet(nanos);
        });

        @Test
        void waitsTheRemainingDelaySinceTheLastRequestToTheSameHost() throws Exception {
            Duration delay = Duration.ofMillis(500);

            throttle.run("a.example", delay, () -> clock.addAndGet(100_000_000L));
            clock.addAndGet(200_000_000L);
            throttle.run("a.example", delay, () -> null);
            throttle.run("b.example", delay, () -> null);

            assertThat(slept).containsExactly(300_000_000L);
        }

        @Test
        void doesNotWaitWithoutADelayOrForAFirstRequest() throws Exception {
            throttle.run("a.example", Duration.ZERO, () -> null);
            throttle.run("a.example", Duration.ZERO, () -> null);
            throttle.run("c.example", Duration.ofSeconds(5), () -> null);

            assertThat(slept).isEmpty();
        }
    }
}
