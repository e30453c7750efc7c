package io.bokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort.Content;
import io.bokit.core.port.out.ICalFeedPort.Failed;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connecting to a checked address keeps TLS about the original name: the certificate is verified for the URL's host
 * name and that name goes out as SNI and in {@code Host}. The server listens on 127.0.0.1 with a self-signed
 * certificate for {@value TestCertificate#NAME}; a test resolver maps names to 127.0.0.1 and loopback is allowed.
 * (Checked once by hand: without {@code setEndpointIdentificationAlgorithm("HTTPS")} in {@code PinnedConnector},
 * {@link #failsWhenTheCertificateIsForAnotherName} fails.)
 */
class TlsHostNameTest {
    final FeedServer server = FeedServer.https().on("/cal.ics", 200, HttpFeedFetcherTest.ICS);

    @AfterEach
    void stop() {
        server.close();
    }

    HttpFetchSettings.Builder settings() {
        return HttpFetchSettings.builder()
                .allowLoopback()
                .resolver(host -> List.of(InetAddress.getByName("127.0.0.1")));
    }

    FetchResult fetch(HttpFetchSettings settings, String host) {
        FeedUrl url = FeedUrl.parse("https://" + host + ":" + server.port() + "/cal.ics?token=PLANTED-tls");
        return new HttpFeedFetcher(settings).fetch(FetchRequest.of(url));
    }

    @Test
    void fetchesFromTheCheckedAddressWhenTheCertificateIsForTheUrlsName() {
        FetchResult result = fetch(settings().sslContext(TestCertificate.tls()).build(), TestCertificate.NAME);

        assertThat(result).isInstanceOf(Content.class);
        FeedServer.Received received = server.received().get(0);
        assertThat(received.serverNames()).containsExactly(TestCertificate.NAME);
        assertThat(received.headers().getFirst("Host")).isEqualTo(TestCertificate.NAME + ":" + server.port());
    }

    @Test
    void failsWhenTheCertificateIsForAnotherName() {
        FetchResult result = fetch(settings().sslContext(TestCertificate.tls()).build(), "other.example.test");

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).message())
                .startsWith("TLS failure with other.example.test:" + server.port())
                .contains("other.example.test")
                .doesNotContain("PLANTED");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void failsWhenTheCertificateIsNotTrusted() {
        FetchResult result = fetch(settings().build(), TestCertificate.NAME);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).message()).startsWith("TLS failure with " + TestCertificate.NAME);
        assertThat(server.received()).isEmpty();
    }
}
