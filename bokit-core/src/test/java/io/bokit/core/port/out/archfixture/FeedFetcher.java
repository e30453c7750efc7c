package io.bokit.core.port.out.archfixture;

/** Deliberate violation: a public outbound interface not named {@code *Port}. */
public interface FeedFetcher {

    String fetch(String url);
}
