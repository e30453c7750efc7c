package io.bokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A feed's token never reaches a log line, a failure message or anything returned. */
class SecretLeakTest {
    static final String QUERY = "?s=S3cr3tS&token=T0k3nT";
    static final List<String> SECRETS = List.of("S3cr3tS", "T0k3nT");

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level rootLevel;

    @BeforeEach
    void captureEveryLogLine() {
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    @Test
    void theTokenAppearsInNoLogLineMessageOrResult() throws Exception {
        List<FetchResult> results = new ArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            closedPort = socket.getLocalPort();
        }
        try (FeedServer server = FeedServer.http()) {
            server.on("/ok.ics", 200, HttpFeedFetcherTest.ICS)
                    .on("/gone.ics", 404, "no such feed " + QUERY)
                    .on("/limited.ics", 429, "", "Retry-After", "60")
                    .on("/moved.ics", 302, "", "Location", server.url("/ok.ics" + QUERY))
                    .on("/loop.ics", 302, "", "Location", server.url("/loop2.ics" + QUERY))
                    .on("/loop2.ics", 302, "", "Location", server.url("/loop.ics" + QUERY))
                    .on("/away.ics", 302, "", "Location", "http://internal.example.com/x" + QUERY)
                    .on("/big.ics", 200, "x".repeat(4096))
                    .on("/slow.ics", exchange -> {
                        HttpFeedFetcherTest.awaitQuietly(release);
                        FeedServer.respond(exchange, 200, "");
                    });
            HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                    .allowLoopback()
                    .maxBodyBytes(1024)
                    .requestTimeout(Duration.ofMillis(300))
                    .resolver(host -> host.equals("internal.example.com")
                            ? List.of(InetAddress.getByName("10.0.0.7"))
                            : HostResolver.system().resolve(host))
                    .build());
            try {
                for (String path : List.of(
                        "/ok.ics",
                        "/gone.ics",
                        "/limited.ics",
                        "/moved.ics",
                        "/loop.ics",
                        "/away.ics",
                        "/big.ics",
                        "/slow.ics")) {
                    results.add(fetcher.fetch(FetchRequest.of(server.feed(path + QUERY))));
                }
                results.add(fetcher.fetch(
                        FetchRequest.of(FeedUrl.parse("http://127.0.0.1:" + closedPort + "/c.ics" + QUERY))));
                results.add(new HttpFeedFetcher().fetch(FetchRequest.of(server.feed("/ok.ics" + QUERY))));
                results.add(new HttpFeedFetcher().fetch(FetchRequest.of(FeedUrl.parse("file:///tmp/x.ics" + QUERY))));
            } finally {
                release.countDown();
            }
        }

        assertThat(results).hasSize(11);
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("/ok.ics?…"));
        for (ILoggingEvent event : logs.list) {
            assertNoSecret(event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                assertNoSecret(cause.getMessage());
            }
        }
        for (FetchResult result : results) {
            assertNoSecret(result.toString());
        }
    }

    @Test
    void settingsAndFetcherShowNoSecrets() {
        assertNoSecret(HttpFetchSettings.defaults().toString());
        assertNoSecret(FetchRequest.of(FeedUrl.parse("https://example.com/c.ics" + QUERY))
                .toString());
    }

    static void assertNoSecret(String text) {
        if (text == null) {
            return;
        }
        for (String secret : SECRETS) {
            assertThat(text).doesNotContain(secret);
        }
    }
}
