package io.bokit.http;

import io.bokit.core.domain.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether to follow one redirect: a Location is required, only http and https, never from
 * https to http, no address seen before in the same fetch, at most the configured number of hops.
 * Every message masks the target's query.
 */
final class RedirectPolicy {
    private final int maxRedirects;

    RedirectPolicy(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    /** What to do with one redirect response. */
    sealed interface Decision {}

    /** Follow to this address (fragment removed). */
    record Follow(URI target) implements Decision {}

    /** Stop: the fetch fails with this message. */
    record Refuse(String message) implements Decision {}

    /**
     * Judges a redirect.
     *
     * @param from the address that answered with a redirect
     * @param location the Location header, or null
     * @param visited the addresses already requested in this fetch (fragments removed)
     * @param followed how many redirects this fetch has already followed
     */
    Decision next(URI from, String location, Set<URI> visited, int followed) {
        if (location == null || location.isBlank()) {
            return new Refuse("redirect without a Location header");
        }
        URI target;
        try {
            target = withoutFragment(from.resolve(new URI(location.strip().replace(" ", "%20"))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Refuse("redirect to an invalid address " + Secrets.mask(location));
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Refuse("refused: redirect to a " + (scheme.isEmpty() ? "scheme-less" : scheme) + " address");
        }
        if (target.getHost() == null || target.getHost().isEmpty()) {
            return new Refuse("redirect to an address without a host");
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http")) {
            return new Refuse("refused: redirect from https to http (" + Secrets.mask(target.toString()) + ")");
        }
        if (followed >= maxRedirects) {
            return new Refuse("too many redirects (more than " + maxRedirects + ")");
        }
        if (visited.contains(target)) {
            return new Refuse("redirect loop at " + Secrets.mask(target.toString()));
        }
        return new Follow(target);
    }

    /** The address without its fragment, which is never sent and would defeat loop detection. */
    static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }
}
