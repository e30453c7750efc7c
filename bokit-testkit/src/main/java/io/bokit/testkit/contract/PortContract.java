package io.bokit.testkit.contract;

import io.bokit.testkit.MutableClock;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every port contract suite: a fresh, empty store per test, the port instances over it,
 * and a {@link MutableClock} that the suite moves instead of sleeping.
 *
 * <p>An implementation's test extends a port's suite and implements {@link #newStore()}.
 *
 * @param <P> the port type
 */
public abstract class PortContract<P> {
    /** Where every test's clock starts: a whole second, so that every store can keep it exactly. */
    protected static final Instant START = Instant.parse("2025-06-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private Supplier<P> instances;
    private P port;

    /**
     * Called once before each test: empties the store (or creates a new one) and says how to open a
     * port on it.
     *
     * @return a supplier whose every call returns a new, independent port instance over that one
     *     empty store, as if each were on another node sharing the same database
     */
    protected abstract Supplier<P> newStore();

    @BeforeEach
    final void openStore() {
        instances = newStore();
        port = instances.get();
    }

    /** The instance each test starts with. */
    protected final P port() {
        return port;
    }

    /** Another instance over the same store as {@link #port()}. */
    protected final P newInstance() {
        return instances.get();
    }

    /** This test's clock, starting at {@link #START}. */
    protected final MutableClock clock() {
        return clock;
    }
}
