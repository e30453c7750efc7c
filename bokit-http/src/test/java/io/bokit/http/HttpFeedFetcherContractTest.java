package io.bokit.http;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.contract.ICalFeedPortContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/** The fetcher contract on the HTTP fetcher, against a real server on 127.0.0.1. */
class HttpFeedFetcherContractTest extends ICalFeedPortContract {
    private final LocalFeedServer server = LocalFeedServer.start();
    private final HttpFeedFetcher fetcher =
            new HttpFeedFetcher(HttpFetchSettings.builder().allowLoopback().build());
    private final AtomicInteger next = new AtomicInteger();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected ICalFeedPort port() {
        return fetcher;
    }

    @Override
    protected FeedUrl serve(String body, String etag) {
        String path = "/feed/" + next.incrementAndGet() + ".ics";
        if (etag == null) {
            server.serve(path, body);
        } else {
            server.serve(path, body, etag);
        }
        return server.url(path + "?s=" + SECRET);
    }

    @Override
    protected FeedUrl fail(int httpStatus) {
        String path = "/feed/" + next.incrementAndGet() + ".ics";
        server.fail(path, httpStatus);
        return server.url(path + "?s=" + SECRET);
    }
}
