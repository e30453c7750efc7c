package io.bokit.core.domain;

/** The id of a {@link Feed}, e.g. {@code seaview-airbnb}. */
public record FeedId(String value) {
    public FeedId {
        Ids.check("feed id", value);
    }

    /** Shorthand for {@code new FeedId(value)}. */
    public static FeedId of(String value) {
        return new FeedId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
