package io.bokit.http;

import io.bokit.core.domain.Secrets;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/** Short, masked, human messages for failed fetches; never a full URL. */
final class FailureMessages {
    private FailureMessages() {}

    /** Why an HTTP status is a failure; the caller's report adds "HTTP nnn". */
    static String forStatus(int status, Instant retryAfter) {
        String reason =
                switch (status) {
                    case 400 -> "bad request";
                    case 401 -> "unauthorized — the feed needs credentials or the token may have expired";
                    case 403 -> "forbidden — the token may have expired, or the channel refuses this User-Agent";
                    case 404 -> "not found — the feed may have been removed or its token changed";
                    case 410 -> "gone — the feed was removed";
                    case 429 -> "too many requests";
                    case 500 -> "server error";
                    case 502 -> "bad gateway";
                    case 503 -> "service unavailable";
                    case 504 -> "gateway timeout";
                    default -> status >= 500
                            ? "server error"
                            : status >= 400
                                    ? "client error"
                                    : status >= 300 ? "unexpected redirect status" : "unexpected status";
                };
        return retryAfter == null ? reason : reason + "; retry after " + retryAfter;
    }

    /** What went wrong on the network, for an address whose query stays hidden. */
    static String forNetwork(IOException e, URI uri, Duration connectTimeout, Duration requestTimeout) {
        String where = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        if (e instanceof PinnedConnector.ConnectTimeoutException) {
            return "could not connect to " + where + " within " + human(connectTimeout);
        }
        if (e instanceof SocketTimeoutException) {
            return "no response from " + where + " within " + human(requestTimeout);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "could not connect to " + where + " (connection refused or unreachable)";
        }
        if (e instanceof UnknownHostException) {
            return "cannot resolve host " + uri.getHost();
        }
        if (e instanceof SSLException) {
            return "TLS failure with " + where + ": " + detail(e, uri);
        }
        if (e instanceof ZipException) {
            return "corrupt compressed body from " + where + ": " + detail(e, uri);
        }
        if (e instanceof ProtocolException) {
            return "invalid HTTP response from " + where + ": " + detail(e, uri);
        }
        // a decoder may wrap what happened to the body: look at the causes
        if (causedBy(e, EOFException.class::isInstance)) {
            return "the body from " + where + " ended early (truncated)";
        }
        if (causedBy(e, FailureMessages::isReset)) {
            return "the connection to " + where + " was reset";
        }
        return "network error with " + where + ": " + detail(e, uri);
    }

    private static boolean causedBy(Throwable e, Predicate<Throwable> test) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReset(Throwable e) {
        return e instanceof SocketException
                && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connection reset");
    }

    /** A body that did not arrive in time. */
    static String bodyTimeout(URI uri, Duration requestTimeout) {
        return "timed out reading the body from " + uri.getHost() + " after " + human(requestTimeout);
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /**
     * The exception's message, masked and short, or its type when it has none; a bare copy of the
     * address's query or user-info (without a scheme, so not a URL to {@link Secrets}) is cut too.
     */
    static String detail(Throwable e, URI uri) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String masked = Secrets.mask(message.strip());
        for (String secret : new String[] {uri.getRawQuery(), uri.getQuery(), uri.getRawUserInfo()}) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, "…");
            }
        }
        return masked.length() > 200 ? masked.substring(0, 200) + "…" : masked;
    }
}
