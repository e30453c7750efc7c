package io.bokit.core.domain;

/**
 * The id of a {@link Feed}, e.g. {@code seaview-airbnb}, or one of the two reserved sources that are no
 * feed: {@link #local()} ({@code @local}, the host's own bookings stored by bokit) and {@link #host()}
 * ({@code @host}, the reservations a host keeps in its own tables). The reserved values start with
 * {@code @}, which no feed id may, so they can never collide with a feed; {@link Feed} refuses them.
 */
public record FeedId(String value) {
    private static final String LOCAL = "@local";
    private static final String HOST = "@host";

    public FeedId {
        if (!LOCAL.equals(value) && !HOST.equals(value)) {
            Ids.check("feed id", value);
        }
    }

    /**
     * Shorthand for {@code new FeedId(value)}. It accepts the reserved values too, so that stores read
     * back what they were given; a {@link Feed} never has one.
     */
    public static FeedId of(String value) {
        return new FeedId(value);
    }

    /** The source of local bookings: reservations the host made directly, stored in bokit's tables. */
    public static FeedId local() {
        return new FeedId(LOCAL);
    }

    /** The source of the reservations a host's own tables hold, read through {@code HostReservationsPort}. */
    public static FeedId host() {
        return new FeedId(HOST);
    }

    /** Whether this is {@link #local()}. */
    public boolean isLocal() {
        return LOCAL.equals(value);
    }

    /** Whether this is a reserved source ({@link #local()} or {@link #host()}) rather than a feed's id. */
    public boolean isReserved() {
        return LOCAL.equals(value) || HOST.equals(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
