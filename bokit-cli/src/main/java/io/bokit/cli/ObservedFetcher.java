package io.bokit.cli;

import io.bokit.core.port.out.ICalFeedPort;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Passes fetches through to the real fetcher, made on the first fetch (an HTTP client costs its TLS
 * set-up, which commands that never fetch should not pay), and tells an observer after each one
 * (the live progress).
 */
final class ObservedFetcher implements ICalFeedPort {
    private final Supplier<ICalFeedPort> factory;
    private ICalFeedPort delegate;
    private volatile Runnable observer = () -> {};

    ObservedFetcher(Supplier<ICalFeedPort> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** Sets what runs after every fetch, on the fetching thread. */
    void observe(Runnable value) {
        this.observer = Objects.requireNonNull(value, "observer");
    }

    private synchronized ICalFeedPort delegate() {
        if (delegate == null) {
            delegate = factory.get();
        }
        return delegate;
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        try {
            return delegate().fetch(request);
        } finally {
            observer.run();
        }
    }
}
