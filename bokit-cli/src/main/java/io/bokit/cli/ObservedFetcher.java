package io.bokit.cli;

import io.bokit.core.port.out.ICalFeedPort;
import java.util.Objects;

/** Passes fetches through to the real fetcher and tells an observer after each one (the live progress). */
final class ObservedFetcher implements ICalFeedPort {
    private final ICalFeedPort delegate;
    private volatile Runnable observer = () -> {};

    ObservedFetcher(ICalFeedPort delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Sets what runs after every fetch, on the fetching thread. */
    void observe(Runnable value) {
        this.observer = Objects.requireNonNull(value, "observer");
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        try {
            return delegate.fetch(request);
        } finally {
            observer.run();
        }
    }
}
