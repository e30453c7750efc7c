package io.bokit.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bokit.core.domain.FeedUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP feed server on a loopback address and a free port, for tests that fetch over the
 * network without leaving the machine. Serves bodies per path (with an ETag if asked, answering
 * 304 to a matching {@code If-None-Match}), fails paths with any status, redirects, and can <em>hold</em>
 * requests until the test releases them, to prove that nobody waits for a feed. Thread-safe.
 *
 * <pre>{@code
 * try (LocalFeedServer server = LocalFeedServer.start()) {
 *     FeedUrl url = server.serve("/seaview.ics", body);
 *     LocalFeedServer.Hold hold = server.hold("/slow.ics", body);
 *     // … trigger a sync, then: hold.awaitArrivals(1, Duration.ofSeconds(10)); hold.release();
 * }
 * }</pre>
 */
public final class LocalFeedServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "local-feed-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    private LocalFeedServer(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on 127.0.0.1. */
    public static LocalFeedServer start() {
        return start("127.0.0.1");
    }

    /**
     * Starts a server on a loopback address; on Linux every 127.x.y.z works, so several servers can
     * stand for several channel hosts.
     *
     * @throws IllegalArgumentException if the address is not a loopback address
     */
    public static LocalFeedServer start(String loopbackAddress) {
        if (!loopbackAddress.startsWith("127.")) {
            throw new IllegalArgumentException("Tests stay on loopback: " + loopbackAddress + " is not 127.x.y.z");
        }
        try {
            return new LocalFeedServer(loopbackAddress);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a feed server on " + loopbackAddress, e);
        }
    }

    /**
     * Answers every request only after this long, as a remote channel's round trip would (for benchmarks; tests
     * hold a feed with {@link #hold} instead). Zero by default.
     *
     * @return this server
     */
    public LocalFeedServer latency(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("A latency cannot be negative: " + value);
        }
        this.latency = value;
        return this;
    }

    /** Serves a body at a path (200, {@code text/calendar; charset=utf-8}) and returns its URL. */
    public FeedUrl serve(String path, String body) {
        return put(path, new Answer(200, body, null, null));
    }

    /** Serves a body with an ETag; a request with {@code If-None-Match} equal to it gets 304. */
    public FeedUrl serve(String path, String body, String etag) {
        return put(path, new Answer(200, body, etag, null));
    }

    /**
     * Serves a file's bytes at a path (200, {@code text/calendar; charset=utf-8}, no ETag), streamed from
     * disk on every request, so a big feed costs this server no heap.
     */
    public FeedUrl serve(String path, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Not a file: " + file);
        }
        return put(path, new Answer(200, null, null, null, file, null));
    }

    /** Answers a path with a status and a short body, e.g. {@code fail("/x.ics", 503)}. */
    public FeedUrl fail(String path, int status) {
        return put(path, new Answer(status, "error " + status, null, null));
    }

    /**
     * Answers a path with {@code 302 Found} and a {@code Location} header, e.g. to send the fetcher on to
     * an address it must refuse.
     */
    public FeedUrl redirect(String path, String location) {
        return put(path, new Answer(302, "", null, null, null, location));
    }

    /**
     * Serves a body at a path, but every request waits until the returned hold is released.
     *
     * @return the hold; release it before closing the server, or closing releases it
     */
    public Hold hold(String path, String body) {
        Hold hold = new Hold();
        put(path, new Answer(200, body, null, hold));
        return hold;
    }

    /** The URL of a path on this server. */
    public FeedUrl url(String path) {
        return FeedUrl.parse("http://" + server.getAddress().getHostString() + ":" + port() + path);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** How many requests a path has received. */
    public int requestCount(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        answers.values().forEach(answer -> {
            if (answer.hold != null) {
                answer.hold.release();
            }
        });
        server.stop(0);
        executor.shutdownNow();
    }

    private FeedUrl put(String path, Answer answer) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A path starts with '/': " + path);
        }
        answers.put(path, answer);
        return url(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            counts.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Answer answer = answers.get(path);
            if (answer == null) {
                send(exchange, 404, "no feed at " + path);
                return;
            }
            if (answer.hold != null) {
                answer.hold.arrive();
            }
            if (answer.etag != null) {
                exchange.getResponseHeaders().set("ETag", answer.etag);
                if (answer.etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            if (answer.location != null) {
                exchange.getResponseHeaders().set("Location", answer.location);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
            if (answer.file != null) {
                sendFile(exchange, answer.file);
            } else {
                send(exchange, answer.status, answer.body);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void sendFile(HttpExchange exchange, Path file) throws IOException {
        exchange.sendResponseHeaders(200, Files.size(file));
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }

    private record Answer(int status, String body, String etag, Hold hold, Path file, String location) {
        Answer(int status, String body, String etag, Hold hold) {
            this(status, body, etag, hold, null, null);
        }
    }

    /** Requests held at a path: they arrive, wait, and are answered once the test releases them. */
    public static final class Hold {
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger arrived = new AtomicInteger();
        private final Object lock = new Object();

        private Hold() {}

        private void arrive() {
            synchronized (lock) {
                arrived.incrementAndGet();
                lock.notifyAll();
            }
            try {
                released.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Waits until at least {@code count} requests are being held.
         *
         * @return whether they arrived within the timeout
         */
        public boolean awaitArrivals(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lock) {
                while (arrived.get() < count) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                return true;
            }
        }

        /** How many requests have arrived so far. */
        public int arrivals() {
            return arrived.get();
        }

        /** Lets every held request (and every later one) be answered. */
        public void release() {
            released.countDown();
        }
    }
}
