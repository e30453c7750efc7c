package io.bokit.testkit;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.testkit.contract.ICalFeedPortContract;
import java.util.concurrent.atomic.AtomicInteger;

class InMemoryFeedSourceTest extends ICalFeedPortContract {
    private final InMemoryFeedSource source = new InMemoryFeedSource();
    private final AtomicInteger next = new AtomicInteger();

    @Override
    protected ICalFeedPort port() {
        return source;
    }

    @Override
    protected FeedUrl serve(String body, String etag) {
        FeedUrl url = fresh();
        if (etag == null) {
            source.serve(url, body);
        } else {
            source.serve(url, body, etag);
        }
        return url;
    }

    @Override
    protected FeedUrl fail(int httpStatus) {
        FeedUrl url = fresh();
        source.fail(url, httpStatus, "HTTP " + httpStatus, null);
        return url;
    }

    private FeedUrl fresh() {
        return FeedUrl.parse("https://channel.example/feed/" + next.incrementAndGet() + ".ics?s=" + SECRET);
    }
}
