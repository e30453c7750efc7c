package io.bokit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort.Content;
import io.bokit.core.port.out.ICalFeedPort.Failed;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SSRF guard, on by default. Names are mapped by a test resolver, so a refused address is
 * refused before any connection: no traffic leaves loopback.
 */
class SsrfGuardTest {
    static final String ICS = HttpFeedFetcherTest.ICS;

    static HostResolver mapping(Map<String, List<InetAddress>> names) {
        return host -> {
            List<InetAddress> addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses;
        };
    }

    static Failed fetch(HttpFeedFetcher fetcher, String url) {
        FetchResult result = fetcher.fetch(FetchRequest.of(FeedUrl.parse(url)));
        assertThat(result).isInstanceOf(Failed.class);
        return (Failed) result;
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, a loopback address",
        "127.8.9.10, a loopback address",
        "::1, a loopback address",
        "10.0.0.1, a private address",
        "172.16.0.1, a private address",
        "172.31.255.254, a private address",
        "192.168.1.1, a private address",
        "fc00::1, a private address",
        "fd12:3456::1, a private address",
        "169.254.169.254, a link-local address",
        "fe80::1, a link-local address",
        "100.64.0.1, a shared (carrier-grade NAT) address",
        "224.0.0.1, a multicast address",
        "ff02::1, a multicast address",
        "0.0.0.0, an unspecified address",
        "::, an unspecified address",
        "240.0.0.1, a reserved address",
        "255.255.255.255, a reserved address",
        "64:ff9b::a9fe:a9fe, a link-local address",
        "2002:7f00:1::, a loopback address",
    })
    void refusesAPublicLookingNameThatResolvesToAnInternalAddress(String address, String kind) throws Exception {
        HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                .resolver(mapping(Map.of("calendar.example.com", List.of(InetAddress.getByName(address)))))
                .build());

        Failed failed = fetch(fetcher, "https://calendar.example.com/ical/1.ics?s=secret");

        assertThat(failed.message()).startsWith("refused: calendar.example.com resolves to " + kind + " (");
        assertThat(failed.httpStatus()).isZero();
        assertThat(failed.retryAfter()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, a loopback address", "10.0.0.1, a private address", "169.254.169.254, a link-local address"
    })
    void refusesIpv4MappedIpv6Forms(String ipv4, String kind) throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                .resolver(mapping(Map.of("calendar.example.com", List.of(address))))
                .build());

        assertThat(fetch(fetcher, "http://calendar.example.com/cal.ics").message())
                .startsWith("refused: calendar.example.com resolves to " + kind);
    }

    @Test
    void refusesWhenAnyResolvedAddressIsInternal() throws Exception {
        HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                .resolver(mapping(Map.of(
                        "calendar.example.com",
                        List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")))))
                .build());

        assertThat(fetch(fetcher, "http://calendar.example.com/cal.ics").message())
                .startsWith("refused: calendar.example.com resolves to a private address (10.1.2.3)");
    }

    @Test
    void aRefusalSaysTheHostsOwnRemedy() throws Exception {
        // given a host that says how its users let an address through
        HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                .resolver(mapping(Map.of("calendar.example.com", List.of(InetAddress.getByName("10.0.0.5")))))
                .refusalRemedy("bokit-cli fetches it with --allow 10.0.0.5/32 or --allow-private")
                .build());

        // when a feed on a private address is fetched
        Failed failed = fetch(fetcher, "https://calendar.example.com/ical/1.ics?s=secret");

        // then the refusal ends with those words, and not the Java builder's
        assertThat(failed.message())
                .isEqualTo("refused: calendar.example.com resolves to a private address (10.0.0.5); "
                        + "bokit-cli fetches it with --allow 10.0.0.5/32 or --allow-private");
    }

    @Test
    void byDefaultARefusalNamesTheBuilder() throws Exception {
        HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                .resolver(mapping(Map.of("calendar.example.com", List.of(InetAddress.getByName("10.0.0.5")))))
                .build());

        assertThat(fetch(fetcher, "https://calendar.example.com/1.ics").message())
                .endsWith("; " + HttpFetchSettings.DEFAULT_REFUSAL_REMEDY);
    }

    @Test
    void theSettingsTellBeforeAnyFetchWhetherAUrlWouldBeRefused() throws Exception {
        // given settings that allow one private block
        HttpFetchSettings settings = HttpFetchSettings.builder()
                .resolver(mapping(Map.of(
                        "inside.example.com", List.of(InetAddress.getByName("10.0.0.5")),
                        "allowed.example.com", List.of(InetAddress.getByName("192.168.1.40")),
                        "public.example.com", List.of(InetAddress.getByName("93.184.216.34")))))
                .allow("192.168.1.0/24")
                .build();

        // then a private address is refused, an allowed or public one is not, and a file URL is not judged
        assertThat(settings.refusal(FeedUrl.parse("https://inside.example.com/1.ics?s=secret")))
                .hasValueSatisfying(refusal -> assertThat(refusal)
                        .startsWith("refused: inside.example.com resolves to a private address (10.0.0.5)")
                        .doesNotContain("secret"));
        assertThat(settings.refusal(FeedUrl.parse("https://allowed.example.com/1.ics")))
                .isEmpty();
        assertThat(settings.refusal(FeedUrl.parse("https://public.example.com/1.ics")))
                .isEmpty();
        assertThat(settings.refusal(FeedUrl.parse("file:///tmp/a.ics"))).isEmpty();
    }

    @Test
    void aRemedyWithALineBreakIsRefused() {
        assertThatThrownBy(() ->
                        HttpFetchSettings.builder().refusalRemedy("one\ntwo").build())
                .isInstanceOf(io.bokit.core.domain.InvalidInputException.class)
                .hasMessageContaining("refusalRemedy");
    }

    @Test
    void letsAPublicAddressThrough() throws Exception {
        AddressGuard guard = new AddressGuard(
                mapping(Map.of("calendar.example.com", List.of(InetAddress.getByName("93.184.216.34")))), List.of());

        assertThat(guard.refusal("calendar.example.com")).isEmpty();
    }

    @Test
    void failsAnUnresolvableHost() {
        HttpFeedFetcher fetcher = new HttpFeedFetcher(
                HttpFetchSettings.builder().resolver(mapping(Map.of())).build());

        assertThat(fetch(fetcher, "http://nowhere.invalid/cal.ics").message())
                .isEqualTo("cannot resolve host nowhere.invalid");
    }

    @Test
    void refusesLoopbackLiteralsByDefaultWithoutSendingAnything() {
        try (FeedServer server = FeedServer.http()) {
            server.on("/cal.ics", 200, ICS);
            HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.defaults());

            Failed failed = fetch(fetcher, server.url("/cal.ics"));

            assertThat(failed.message()).startsWith("refused: 127.0.0.1 resolves to a loopback address (127.0.0.1)");
            assertThat(server.received()).isEmpty();
            assertThat(fetch(fetcher, "http://[::1]:" + server.port() + "/cal.ics")
                            .message())
                    .startsWith("refused: [::1] resolves to a loopback address");
        }
    }

    @Test
    void refusesARedirectToAnAddressTheAllowListDoesNotCover() {
        try (FeedServer allowed = FeedServer.http("127.0.0.2");
                FeedServer internal = FeedServer.http("127.0.0.1")) {
            internal.on("/admin", 200, "secret admin page");
            allowed.on("/cal.ics", 302, "", "Location", internal.url("/admin")).on("/ok.ics", 200, ICS);
            HttpFeedFetcher fetcher = new HttpFeedFetcher(
                    HttpFetchSettings.builder().allow("127.0.0.2/32").build());

            FetchResult ok = fetcher.fetch(FetchRequest.of(allowed.feed("/ok.ics")));
            Failed redirected = fetch(fetcher, allowed.url("/cal.ics"));

            assertThat(ok).isInstanceOf(Content.class);
            assertThat(redirected.message())
                    .startsWith("refused: 127.0.0.1 resolves to a loopback address (127.0.0.1)");
            assertThat(internal.received()).isEmpty();
        }
    }

    @Test
    void refusesARedirectToANameThatResolvesInternally() throws Exception {
        try (FeedServer server = FeedServer.http()) {
            server.on("/cal.ics", 302, "", "Location", "http://metadata.example.com/latest/meta-data/");
            HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                    .allowLoopback()
                    .resolver(mapping(Map.of(
                            "127.0.0.1", List.of(InetAddress.getByName("127.0.0.1")),
                            "metadata.example.com", List.of(InetAddress.getByName("169.254.169.254")))))
                    .build());

            assertThat(fetch(fetcher, server.url("/cal.ics")).message())
                    .startsWith("refused: metadata.example.com resolves to a link-local address (169.254.169.254)");
        }
    }

    @Test
    void refusesNonWebSchemesUnlessFilesAreEnabled() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bokit-feed", ".ics");
        try {
            java.nio.file.Files.writeString(file, ICS);
            FeedUrl url = FeedUrl.parse(file.toUri().toString());

            FetchResult refused = new HttpFeedFetcher().fetch(FetchRequest.of(url));
            HttpFeedFetcher files = new HttpFeedFetcher(
                    HttpFetchSettings.builder().allowFileUrls(true).build());
            FetchResult read = files.fetch(FetchRequest.of(url));

            assertThat(refused).isInstanceOf(Failed.class);
            assertThat(((Failed) refused).message()).startsWith("refused: file URLs are not allowed");
            assertThat(read).isInstanceOf(Content.class);
            Content content = (Content) read;
            assertThat(content.body()).isEqualTo(ICS);
            assertThat(files.fetch(new FetchRequest(url, null, content.lastModified(), java.time.Duration.ZERO)))
                    .isInstanceOf(io.bokit.core.port.out.ICalFeedPort.NotModified.class);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void readsFilesUnderTheSameCapAndReportsMissingOnes() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bokit-feed", ".ics");
        try {
            java.nio.file.Files.writeString(file, "x".repeat(2048));
            HttpFeedFetcher files = new HttpFeedFetcher(HttpFetchSettings.builder()
                    .allowFileUrls(true)
                    .maxBodyBytes(1024)
                    .build());

            assertThat(fetch(files, file.toUri().toString()).message()).isEqualTo("body exceeds 1024 bytes");
            assertThat(fetch(files, file.toUri() + ".missing").message()).startsWith("not a readable file: file://");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
