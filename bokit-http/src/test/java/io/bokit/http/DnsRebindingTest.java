package io.bokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort.Content;
import io.bokit.core.port.out.ICalFeedPort.Failed;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import io.bokit.testkit.ConnectionTrap;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that resolves to an allowed address when the SSRF guard checks it, and to an internal one a
 * moment later. The connection must go to the address that was checked. Everything stays on loopback: 127.0.0.2 is
 * allowed and stands for "a public address" (a feed server listens there), 127.0.0.1 is not allowed and a
 * {@link ConnectionTrap} listens there on the same port, counting every connection that reaches it.
 *
 * <p>These tests fail when the pin is removed; that was checked once by hand, in two ways. (1) In
 * {@code PinnedConnector.open}, connect to {@code new InetSocketAddress(uri.getHost(), port)} instead of the checked
 * address: a second lookup by the JVM's resolver, which is what the JDK HttpClient did before.
 * {@link #aNameTheSystemResolvesToLoopbackIsFetchedFromTheCheckedAddress} then fails with one connection on the trap.
 * (2) In {@code HttpFeedFetcher.fetchHttp}, hand the hop {@code settings.resolver().resolve(host)} (a second lookup
 * by the same resolver) instead of the guard's checked addresses:
 * {@link #aResolverThatChangesItsAnswerIsAskedOnceAndItsFirstAnswerIsUsed} then fails with one connection on the
 * trap.
 */
class DnsRebindingTest {
    private static final String TOKEN = "?token=PLANTED-rebind";

    final ConnectionTrap trap = ConnectionTrap.open();
    final FeedServer outside = FeedServer.http("127.0.0.2", trap.port());
    final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        outside.close();
        trap.close();
    }

    /** Answers {@code first} on a name's first lookup and {@code later} on every lookup after it. */
    HostResolver rebinding(String first, String later) {
        return host -> {
            int lookup =
                    lookups.computeIfAbsent(host, name -> new AtomicInteger()).incrementAndGet();
            return List.of(InetAddress.getByName(lookup == 1 ? first : later));
        };
    }

    HttpFeedFetcher fetcher(HostResolver resolver) {
        return new HttpFeedFetcher(HttpFetchSettings.builder()
                .allow("127.0.0.2/32")
                .resolver(resolver)
                .build());
    }

    FetchResult fetch(HttpFeedFetcher fetcher, String url) {
        return fetcher.fetch(FetchRequest.of(FeedUrl.parse(url)));
    }

    @Test
    void aNameTheSystemResolvesToLoopbackIsFetchedFromTheCheckedAddress() {
        // given: bokit's resolver says localhost is 127.0.0.2 (allowed); the JVM's own resolver says 127.0.0.1 / ::1
        outside.on("/cal.ics", 200, HttpFeedFetcherTest.ICS);
        HttpFeedFetcher fetcher = fetcher(host -> {
            if (!host.equals("localhost")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName("127.0.0.2"));
        });

        // when
        FetchResult result = fetch(fetcher, "http://localhost:" + trap.port() + "/cal.ics" + TOKEN);

        // then: the trap saw nothing; the checked address answered, with the original name in Host
        assertThat(trap.connections()).isZero();
        assertThat(result).isInstanceOf(Content.class);
        assertThat(((Content) result).body()).isEqualTo(HttpFeedFetcherTest.ICS);
        assertThat(outside.received()).hasSize(1);
        assertThat(outside.received().get(0).headers().getFirst("Host")).isEqualTo("localhost:" + trap.port());
    }

    @Test
    void aResolverThatChangesItsAnswerIsAskedOnceAndItsFirstAnswerIsUsed() {
        // given: every name answers 127.0.0.2 once, then 127.0.0.1; the first hop redirects to another name
        int port = trap.port();
        outside.on("/start.ics", 302, "", "Location", "http://cdn.rebind.test:" + port + "/cal.ics" + TOKEN)
                .on("/cal.ics", 200, HttpFeedFetcherTest.ICS);
        HttpFeedFetcher fetcher = fetcher(rebinding("127.0.0.2", "127.0.0.1"));

        // when
        FetchResult result = fetch(fetcher, "http://feeds.rebind.test:" + port + "/start.ics" + TOKEN);

        // then: the trap saw nothing, both hops went to the checked address, each name was looked up once
        assertThat(trap.connections()).isZero();
        assertThat(result).isInstanceOf(Content.class);
        assertThat(outside.received())
                .extracting(received -> received.headers().getFirst("Host"))
                .containsExactly("feeds.rebind.test:" + port, "cdn.rebind.test:" + port);
        assertThat(lookups).containsOnlyKeys("feeds.rebind.test", "cdn.rebind.test");
        assertThat(lookups.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void aNameWithAnAllowedAndAnInternalAddressIsRefusedBeforeConnecting() throws Exception {
        // given: one answer holding both addresses
        outside.on("/cal.ics", 200, HttpFeedFetcherTest.ICS);
        List<InetAddress> both = List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1"));
        HttpFeedFetcher fetcher = fetcher(host -> both);

        // when
        FetchResult result = fetch(fetcher, "http://feeds.rebind.test:" + trap.port() + "/cal.ics" + TOKEN);

        // then
        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).message())
                .startsWith("refused: feeds.rebind.test resolves to a loopback address (127.0.0.1)");
        assertThat(outside.received()).isEmpty();
        assertThat(trap.connections()).isZero();
    }

    @Test
    void aRedirectToANameThatNowResolvesInternallyIsRefused() {
        // given: the redirect target's only lookup answers loopback
        outside.on("/start.ics", 302, "", "Location", "http://cdn.rebind.test:" + trap.port() + "/cal.ics");
        HttpFeedFetcher fetcher = fetcher(
                host -> List.of(InetAddress.getByName(host.equals("feeds.rebind.test") ? "127.0.0.2" : "127.0.0.1")));

        // when
        FetchResult result = fetch(fetcher, "http://feeds.rebind.test:" + trap.port() + "/start.ics");

        // then
        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).message()).startsWith("refused: cdn.rebind.test resolves to a loopback address");
        assertThat(trap.connections()).isZero();
    }
}
