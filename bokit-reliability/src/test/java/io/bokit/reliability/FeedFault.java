package io.bokit.reliability;

import io.bokit.reliability.FaultyFeedServer.Answer;
import io.bokit.reliability.FaultyFeedServer.Ending;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

/**
 * One thing a channel's feed can do wrong (or legitimately change), what {@link FaultyFeedServer}
 * answers for it, and what bokit must make of it.
 */
enum FeedFault {
    /** 200 with an empty body. */
    EMPTY_200(Expect.FAILS, null, "Feed body is empty"),
    /** 200 with a login page instead of the calendar. */
    HTML_200(Expect.FAILS, null, "Feed body is an HTML or XML page"),
    /** 200 with a complete HTTP answer whose calendar stops half-way (the channel's export died). */
    TRUNCATED_CALENDAR(Expect.FAILS, null, "Feed body is truncated: no END:VCALENDAR"),
    /** Content-Length announces the whole calendar, half arrives, then the connection closes. */
    TRUNCATED_TRANSFER(Expect.FAILS, null, "the body from 127.0.0.1:", "ended early (truncated)"),
    /** 200 with random bytes. */
    GARBAGE(Expect.FAILS, null, "Feed body is not iCalendar"),
    /** 403 Forbidden. */
    HTTP_403(Expect.FAILS, null, "HTTP 403: forbidden"),
    /** 404 Not Found. */
    HTTP_404(Expect.FAILS, null, "HTTP 404: not found"),
    /** 410 Gone. */
    HTTP_410(Expect.FAILS, null, "HTTP 410: gone"),
    /** 429 with {@code Retry-After: 3600}, longer than the back-off: the feed rests an hour. */
    HTTP_429(Expect.FAILS, Duration.ofHours(1), "HTTP 429: too many requests; retry after "),
    /** 500 Internal Server Error. */
    HTTP_500(Expect.FAILS, null, "HTTP 500: server error"),
    /** 503 with {@code Retry-After: 30}, shorter than the back-off: the back-off wins. */
    HTTP_503(Expect.FAILS, Duration.ofSeconds(30), "HTTP 503: service unavailable; retry after "),
    /** No answer at all until the fetcher's request timeout has passed. */
    TIMEOUT(Expect.FAILS, null, "no response from 127.0.0.1:", "within 2 s"),
    /** Headers and half the body, then the body stalls past the request timeout. */
    STALLED_BODY(Expect.FAILS, null, "timed out reading the body from 127.0.0.1 after 2 s"),
    /** Headers and half the body, then the connection is reset (RST). */
    RESET_MID_BODY(Expect.FAILS, null, "the connection to 127.0.0.1:", " was reset"),
    /** A valid calendar over the fetcher's size cap, with a Content-Length saying so. */
    OVER_SIZE_DECLARED(Expect.FAILS, null, "body exceeds 65536 bytes (Content-Length "),
    /** A valid calendar over the size cap, without a Content-Length: stopped while it streams. */
    OVER_SIZE_STREAMED(Expect.FAILS, null, "body exceeds 65536 bytes"),
    /** The calendar legitimately empties: a valid calendar with zero events. */
    ZERO_EVENTS(Expect.EMPTIES, null),
    /** Half the events legitimately leave the calendar. */
    HALF_GONE(Expect.HALVES, null);

    /** What the suite expects of a fault. */
    enum Expect {
        /** The feed fails, changes nothing and is backed off. */
        FAILS,
        /** The empty-feed guard holds the bookings, then believes the empty feed. */
        EMPTIES,
        /** Reconciled at once: missing future bookings vanish, past ones stay. */
        HALVES
    }

    /** The feed bodies a fault is made from. */
    record Bodies(String good, String half, String empty, String big) {}

    private final Expect expect;
    private final Duration retryAfter;
    private final String[] error;

    FeedFault(Expect expect, Duration retryAfter, String... error) {
        this.expect = expect;
        this.retryAfter = retryAfter;
        this.error = error;
    }

    Expect expect() {
        return expect;
    }

    /** The server's Retry-After, or null. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** Fragments the feed's error must contain. */
    String[] error() {
        return error.clone();
    }

    /** What the server answers. */
    Answer answer(Bodies bodies) {
        String good = bodies.good();
        return switch (this) {
            case EMPTY_200 -> Answer.calendar("");
            case HTML_200 -> Answer.of(
                    200,
                    "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><body><form action=\"/login\">Please sign in</form></body></html>"
                            .getBytes(StandardCharsets.UTF_8));
            case TRUNCATED_CALENDAR -> Answer.calendar(good.substring(0, good.length() / 2));
            case TRUNCATED_TRANSFER -> Answer.calendar(good).ending(Ending.CUT);
            case GARBAGE -> Answer.of(200, "application/octet-stream", garbage());
            case HTTP_403 -> status(403);
            case HTTP_404 -> status(404);
            case HTTP_410 -> status(410);
            case HTTP_429 -> status(429, "Retry-After: " + retryAfter.toSeconds());
            case HTTP_500 -> status(500);
            case HTTP_503 -> status(503, "Retry-After: " + retryAfter.toSeconds());
            case TIMEOUT -> Answer.calendar(good).ending(Ending.HELD);
            case STALLED_BODY -> Answer.calendar(good).ending(Ending.STALLED);
            case RESET_MID_BODY -> Answer.calendar(good).ending(Ending.RESET);
            case OVER_SIZE_DECLARED -> Answer.calendar(bodies.big());
            case OVER_SIZE_STREAMED -> Answer.calendar(bodies.big()).undeclared();
            case ZERO_EVENTS -> Answer.calendar(bodies.empty());
            case HALF_GONE -> Answer.calendar(bodies.half());
        };
    }

    private static Answer status(int status, String... headers) {
        return Answer.of(status, "text/plain", ("error " + status).getBytes(StandardCharsets.US_ASCII), headers);
    }

    /** 4 KiB of seeded random bytes, starting with a control character. */
    private static byte[] garbage() {
        byte[] bytes = new byte[4096];
        new Random(20251128L).nextBytes(bytes);
        bytes[0] = 0x17;
        return bytes;
    }
}
