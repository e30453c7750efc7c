package io.bokit.http;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ICalFeedPort} over HTTP/1.1 on the JDK's own sockets and TLS: conditional GET, bounded
 * in time and size, polite per host, and guarded against server-side request forgery.
 *
 * <p>Each request resolves the host once, refuses it when any address is loopback, link-local,
 * private, shared, multicast, reserved or unspecified and not on the allow-list, and then connects
 * only to an address it checked (no second lookup, so DNS rebinding cannot redirect the connection);
 * TLS still verifies the certificate for the original host name, sent as SNI. Redirects are followed
 * by hand (at most {@link HttpFetchSettings#maxRedirects()}, never from https to http, no loops) and
 * every hop is resolved, checked and pinned again. At most one request at a time goes to a host,
 * spaced by {@link FetchRequest#hostDelay()}.
 *
 * <p>Thread-safe; one instance serves the whole application.
 */
public final class HttpFeedFetcher implements ICalFeedPort {
    private static final Logger log = LoggerFactory.getLogger(HttpFeedFetcher.class);

    private final HttpFetchSettings settings;
    private final AddressGuard guard;
    private final RedirectPolicy redirects;
    private final HostThrottle throttle;
    private final FileFeedReader files;
    private final HttpHop hop;

    /**
     * A fetcher with the given settings.
     *
     * @param settings validated settings, not null
     */
    public HttpFeedFetcher(HttpFetchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.guard = new AddressGuard(settings.resolver(), settings.allowedAddresses(), settings.refusalRemedy());
        this.redirects = new RedirectPolicy(settings.maxRedirects());
        this.throttle = new HostThrottle();
        this.files = new FileFeedReader(settings);
        this.hop = new HttpHop(
                PinnedConnector.of(
                        settings.connectTimeout(), settings.sslContext().orElse(null)),
                settings);
    }

    /** A fetcher with {@link HttpFetchSettings#defaults()}. */
    public HttpFeedFetcher() {
        this(HttpFetchSettings.defaults());
    }

    /**
     * The settings this fetcher uses.
     *
     * @return the settings, never null
     */
    public HttpFetchSettings settings() {
        return settings;
    }

    /**
     * Fetches one feed; see {@link ICalFeedPort#fetch}. A failure's {@code httpStatus} is non-zero
     * only when the status itself is the reason (4xx, 5xx); refusals, network errors, timeouts and
     * oversized bodies carry 0. Messages never hold a full URL.
     *
     * @param request what to fetch, not null
     * @return not-modified, the decoded text, or a failure; never null, never throws for a feed problem
     * @throws NullPointerException if the request is null
     */
    @Override
    public FetchResult fetch(FetchRequest request) {
        Objects.requireNonNull(request, "request");
        FeedUrl url = request.url();
        long started = System.nanoTime();
        FetchResult result;
        try {
            result = url.scheme().equals("file") ? files.read(request) : fetchHttp(request);
        } catch (RuntimeException e) {
            result = new Failed("unexpected error: " + FailureMessages.detail(e, url.reveal()), 0, null);
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "[Fetch] {} → {} in {} ms",
                    url.masked(),
                    describe(result),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return result;
    }

    private FetchResult fetchHttp(FetchRequest request) {
        URI current = RedirectPolicy.withoutFragment(request.url().reveal());
        Set<URI> visited = new HashSet<>();
        for (int followed = 0; ; followed++) {
            visited.add(current);
            AddressGuard.Verdict verdict = guard.check(current.getHost());
            if (verdict instanceof AddressGuard.Refused refused) {
                return new Failed(refused.message(), 0, null);
            }
            List<InetAddress> checked = ((AddressGuard.Passed) verdict).addresses();
            URI target = current;
            HttpHop.Outcome outcome;
            try {
                outcome = throttle.run(
                        current.getHost().toLowerCase(Locale.ROOT),
                        request.hostDelay(),
                        () -> hop.exchange(target, checked, request));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed("interrupted while fetching", 0, null);
            } catch (Exception e) {
                return new Failed("unexpected error: " + FailureMessages.detail(e, target), 0, null);
            }
            if (outcome instanceof HttpHop.Done done) {
                return done.result();
            }
            HttpHop.Redirect redirect = (HttpHop.Redirect) outcome;
            RedirectPolicy.Decision next = redirects.next(current, redirect.location(), visited, followed);
            if (next instanceof RedirectPolicy.Refuse refuse) {
                return new Failed(refuse.message(), 0, null);
            }
            current = ((RedirectPolicy.Follow) next).target();
            log.debug("[Fetch] HTTP {} redirect to {}", redirect.status(), new MaskedUri(current));
        }
    }

    private static String describe(FetchResult result) {
        if (result instanceof Content content) {
            return "content (" + content.body().length() + " chars)";
        }
        if (result instanceof Failed failed) {
            return "failed (" + (failed.httpStatus() > 0 ? "HTTP " + failed.httpStatus() + ": " : "") + failed.message()
                    + ")";
        }
        return "not modified";
    }

    /** Logs an address with {@code Secrets}' masking, built only when the line is written. */
    private record MaskedUri(URI uri) {
        @Override
        public String toString() {
            return io.bokit.core.domain.Secrets.mask(uri.toString());
        }
    }
}
