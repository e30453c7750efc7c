package io.bokit.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's channel: a real HTTP server on 127.0.0.1 and a free port serving the bundled sample
 * feeds (modelled on Airbnb, Booking.com and Beds24), their dates written relative to today.
 */
final class DemoFeeds implements AutoCloseable {
    private static final Pattern DAY = Pattern.compile("\\{\\{([+-]\\d+)}}");

    private final HttpServer server;
    private final LocalDate today;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    DemoFeeds(LocalDate today) {
        this.today = today;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the demo feed server on loopback", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves a bundled sample ({@code io/bokit/cli/demo/<sample>}) at a path; returns the feed's URL. */
    String serve(String path, String sample) {
        bodies.put(path, render(sample));
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path;
    }

    /** The server's address, host and port. */
    String address() {
        return server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    private String render(String sample) {
        String template;
        try (InputStream in = DemoFeeds.class.getResourceAsStream("demo/" + sample)) {
            if (in == null) {
                throw new IllegalStateException("The demo sample " + sample + " is missing from the jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher days =
                DAY.matcher(template.replace("{{stamp}}", today.format(DateTimeFormatter.BASIC_ISO_DATE) + "T080000Z"));
        StringBuilder out = new StringBuilder();
        while (days.find()) {
            LocalDate day = today.plusDays(Long.parseLong(days.group(1)));
            days.appendReplacement(out, day.format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        days.appendTail(out);
        return out.toString().replace("\n", "\r\n");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = bodies.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "no such feed" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set("Content-Type", body == null ? "text/plain" : "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
