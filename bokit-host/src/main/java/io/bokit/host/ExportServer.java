package io.bokit.host;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.Secrets;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.in.ExportLinksUseCase;
import io.bokit.core.port.in.ExportUseCase;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.SyncListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the exports at {@code <bokit.export.path>/<token>.ics}, for every adapter: it resolves the token
 * (a hash lookup, compared in constant time), answers {@code GET} and {@code HEAD} with a strong
 * {@code ETag} and {@code Last-Modified}, and {@code 304} on {@code If-None-Match} or {@code
 * If-Modified-Since}. Each export's body is cached and rebuilt only when its calendar's bookings changed
 * (any write through the host's booking store, a finished run, or {@link #invalidate} for bookings kept
 * elsewhere) or after {@link #MAX_CACHE_AGE}, so a 304 or
 * a cached 200 reads the export's row and no booking row. An unknown, rotated or malformed token, an export
 * whose calendar or target feed was removed, and a method other than {@code GET} or {@code HEAD}, is a bare 404. Blocking (it may read the store): call it
 * off any event loop. Thread-safe.
 */
public final class ExportServer {
    /**
     * The longest a cached body is served without being built again: it bounds how stale an export can be
     * when another node imported the bookings, and lets the past window move on with the date.
     */
    public static final Duration MAX_CACHE_AGE = Duration.ofMinutes(5);

    /** The content type of every export. */
    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(ExportServer.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ExportLinksUseCase links;
    private final ExportUseCase export;
    private final ClockPort clock;
    private final Versions versions;
    private final String path;
    private final boolean enabled;
    private final Map<ExportId, Cached> cache = new ConcurrentHashMap<>();

    ExportServer(
            ExportLinksUseCase links,
            ExportUseCase export,
            ClockPort clock,
            Versions versions,
            String path,
            boolean enabled) {
        this.links = Objects.requireNonNull(links, "links");
        this.export = Objects.requireNonNull(export, "export");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.path = Objects.requireNonNull(path, "path");
        this.enabled = enabled;
    }

    /** Whether the exports are served ({@code bokit.export.enabled}); when not, every request is a 404. */
    public boolean enabled() {
        return enabled;
    }

    /** The path the exports are served under, such as {@code /bokit/ical}, without a trailing {@code /}. */
    public String path() {
        return path;
    }

    /**
     * The token of a request path {@code <path>/<token>.ics}.
     *
     * @param requestPath the path without the context path, may be null
     * @return the token text (not yet checked), or null when the path is not an export's
     */
    public String tokenOf(String requestPath) {
        if (requestPath == null
                || !requestPath.startsWith(path)
                || requestPath.length() <= path.length() + 1
                || requestPath.charAt(path.length()) != '/'
                || !requestPath.endsWith(".ics")) {
            return null;
        }
        String token = requestPath.substring(path.length() + 1, requestPath.length() - ".ics".length());
        return token.isEmpty() || token.indexOf('/') >= 0 ? null : token;
    }

    /**
     * Answers one export request.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param requestPath the path without the context path, such as {@code /bokit/ical/<token>.ics}
     * @param ifNoneMatch the {@code If-None-Match} header, or null
     * @param ifModifiedSince the {@code If-Modified-Since} header, or null
     * @return the answer, never null; never throws (a store that cannot be read is a 503)
     */
    public ExportResponse serve(String method, String requestPath, String ifNoneMatch, String ifModifiedSince) {
        boolean head = "HEAD".equalsIgnoreCase(method);
        if (!enabled || !(head || "GET".equalsIgnoreCase(method))) {
            return ExportResponse.notFound();
        }
        String token = tokenOf(requestPath);
        if (token == null) {
            return ExportResponse.notFound();
        }
        try {
            Optional<ExportLink> found = links.resolve(token);
            if (found.isEmpty()) {
                return ExportResponse.notFound();
            }
            Cached body = body(found.get());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("ETag", body.etag);
            headers.put("Last-Modified", HTTP_DATE.format(body.lastModified));
            headers.put("Cache-Control", "no-cache");
            if (notModified(body, ifNoneMatch, ifModifiedSince)) {
                return ExportResponse.of(304, headers, new byte[0]);
            }
            headers.put("Content-Type", CONTENT_TYPE);
            headers.put("Content-Length", Integer.toString(body.bytes.length));
            return ExportResponse.of(200, headers, head ? new byte[0] : body.bytes);
        } catch (InvalidInputException e) {
            // the export's calendar or target feed was removed since: nothing to serve, like an unknown token
            log.debug("An export whose calendar or feed is gone was asked for: {}", Secrets.mask(e.getMessage()));
            return ExportResponse.notFound();
        } catch (RuntimeException e) {
            log.warn("Could not serve an export: {}", Secrets.mask(e.toString()));
            return ExportResponse.of(503, Map.of("Retry-After", "60"), new byte[0]);
        }
    }

    /** Drops the cached bodies of a calendar's exports, after the host changed its bookings itself. */
    public void invalidate(CalendarKey calendar) {
        versions.bump(Objects.requireNonNull(calendar, "calendar"));
    }

    /** Drops every cached body. */
    public void invalidateAll() {
        versions.bumpAll();
    }

    private Cached body(ExportLink link) {
        long version = versions.of(link.calendar()); // read before building: a change meanwhile rebuilds next time
        Instant now = clock.now();
        Cached cached = cache.get(link.id());
        if (cached != null
                && cached.version == version
                && cached.link.equals(link)
                && !now.isAfter(cached.built.plus(MAX_CACHE_AGE))) {
            return cached;
        }
        byte[] bytes = export.export(ExportCommand.of(link)).body().getBytes(StandardCharsets.UTF_8);
        String etag = etag(bytes);
        // the same body keeps its date, so a client's If-Modified-Since stays good across rebuilds
        Instant lastModified;
        if (cached == null) {
            lastModified = now.truncatedTo(ChronoUnit.SECONDS);
        } else if (cached.etag.equals(etag)) {
            lastModified = cached.lastModified;
        } else {
            // a new body within the second of the old one still gets a later date: If-Modified-Since is whole seconds
            Instant later = cached.lastModified.plusSeconds(1);
            Instant second = now.truncatedTo(ChronoUnit.SECONDS);
            lastModified = second.isAfter(later) ? second : later;
        }
        Cached built = new Cached(link, version, bytes, etag, lastModified, now);
        cache.put(link.id(), built);
        return built;
    }

    private static boolean notModified(Cached body, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || candidate.equals(body.etag) || candidate.equals("W/" + body.etag)) {
                    return true; // a GET compares weakly (RFC 9110 13.1.2)
                }
            }
            return false; // If-Modified-Since is ignored when If-None-Match is present
        }
        if (ifModifiedSince != null && !ifModifiedSince.isBlank()) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !body.lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** A strong entity tag: the body's SHA-256, URL-safe base64, quoted. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** One export's cached body. */
    private record Cached(
            ExportLink link, long version, byte[] bytes, String etag, Instant lastModified, Instant built) {}

    /**
     * A version per calendar, bumped whenever its bookings change: {@link InvalidatingBookingStore} tells it of every
     * write (a sync's and a local booking's alike), and as a sync listener registered by {@link BokitHost} it bumps
     * every calendar after each run. Thread-safe.
     */
    static final class Versions implements SyncListener {
        private final AtomicLong stamps = new AtomicLong();
        private final Map<CalendarKey, Long> byCalendar = new ConcurrentHashMap<>();
        private volatile long all;

        /** The calendar's version: the latest stamp of a change to it or to every calendar. */
        long of(CalendarKey calendar) {
            return Math.max(all, byCalendar.getOrDefault(calendar, 0L));
        }

        void bump(CalendarKey calendar) {
            byCalendar.merge(calendar, stamps.incrementAndGet(), Math::max);
        }

        void bumpAll() {
            all = stamps.incrementAndGet();
        }

        @Override
        public void runCompleted(SyncReport report) {
            // a feed's echo state may change without a booking event (EchoRule reads the history): rebuild all
            bumpAll();
        }

        @Override
        public String toString() {
            return "export cache versions (" + byCalendar.size() + " calendars)";
        }
    }
}
