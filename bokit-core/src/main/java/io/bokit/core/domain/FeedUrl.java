package io.bokit.core.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The address of a feed. Feed URLs carry secret tokens, so {@link #toString()} is {@link #masked()};
 * only {@link #reveal()} gives the whole address, for the one component that fetches it.
 */
public final class FeedUrl {
    private final URI uri;

    private FeedUrl(URI uri) {
        this.uri = uri;
    }

    /**
     * Parses an absolute {@code http}, {@code https} or {@code file} URL.
     *
     * @throws InvalidInputException if the text is not such a URL (the message shows it masked)
     */
    public static FeedUrl parse(String text) {
        Objects.requireNonNull(text, "text");
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("Invalid feed URL " + maskText(text) + ": " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (!(web || scheme.equals("file"))) {
            throw new InvalidInputException(
                    "Invalid feed URL " + maskText(text) + ": the scheme must be http, https or file");
        }
        if (web && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new InvalidInputException("Invalid feed URL " + maskText(text) + ": it has no host");
        }
        return new FeedUrl(uri);
    }

    /** The scheme in lower case: {@code http}, {@code https} or {@code file}. */
    public String scheme() {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** The host name, or {@code "localfile"} for a {@code file:} URL; never null. */
    public String host() {
        return uri.getHost() == null ? "localfile" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** Scheme, host, port and path, with any user-info dropped and any query replaced by {@code ?…}; safe to log. */
    public String masked() {
        StringBuilder out = new StringBuilder(scheme()).append("://");
        if (uri.getHost() != null) {
            out.append(host());
            if (uri.getPort() >= 0) {
                out.append(':').append(uri.getPort());
            }
        }
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            out.append("?…");
        }
        return out.toString();
    }

    /** The whole URL, secrets included: hand it to the fetcher only, never to a log or a message. */
    public URI reveal() {
        return uri;
    }

    private static String maskText(String text) {
        int query = text.indexOf('?');
        return Secrets.mask(query < 0 ? text : text.substring(0, query) + "?…");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeedUrl that && uri.equals(that.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
