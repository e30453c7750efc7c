package io.bokit.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.bokit.core.domain.FeedUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;

/** A real JDK HTTP(S) server on a loopback address and a free port, with exact-path handlers. */
final class FeedServer implements AutoCloseable {
    /** What the server received; {@code serverNames} are the TLS SNI names the client sent (empty over http). */
    record Received(String pathAndQuery, Headers headers, List<String> serverNames) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final String scheme;

    private FeedServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            received.add(new Received(
                    exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null
                                    ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(),
                    serverNames(exchange)));
            HttpHandler handler = handlers.get(exchange.getRequestURI().getRawPath());
            try {
                if (handler == null) {
                    respond(exchange, 404, "no handler");
                } else {
                    handler.handle(exchange);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** An HTTP server on 127.0.0.1. */
    static FeedServer http() {
        return http("127.0.0.1");
    }

    /** An HTTP server on the given loopback address. */
    static FeedServer http(String address) {
        return http(address, 0);
    }

    /** An HTTP server on the given loopback address and port (0 for a free one). */
    static FeedServer http(String address, int port) {
        try {
            return new FeedServer(HttpServer.create(new InetSocketAddress(address, port), 0), "http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS server on 127.0.0.1 with the self-signed {@link TestCertificate}. */
    static FeedServer https() {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls()));
            return new FeedServer(server, "https");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS context that both serves and trusts the test certificate. */
    static SSLContext tls() {
        return TestCertificate.tls();
    }

    private static List<String> serverNames(HttpExchange exchange) {
        if (exchange instanceof HttpsExchange tls && tls.getSSLSession() instanceof ExtendedSSLSession session) {
            return session.getRequestedServerNames().stream()
                    .map(name -> ((SNIHostName) name).getAsciiName())
                    .toList();
        }
        return List.of();
    }

    FeedServer on(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Serves a fixed answer. */
    FeedServer on(String path, int status, String body, String... headerPairs) {
        return on(path, exchange -> {
            for (int i = 0; i < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            respond(exchange, status, body.getBytes(StandardCharsets.UTF_8));
        });
    }

    int port() {
        return server.getAddress().getPort();
    }

    String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    String url(String pathAndQuery) {
        return scheme + "://" + host() + ":" + port() + pathAndQuery;
    }

    FeedUrl feed(String pathAndQuery) {
        return FeedUrl.parse(url(pathAndQuery));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || status == 304 || status == 204;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
