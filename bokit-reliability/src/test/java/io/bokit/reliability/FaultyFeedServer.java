package io.bokit.reliability;

import io.bokit.core.domain.FeedUrl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server over a plain {@link ServerSocket} on a loopback address, for the faults the JDK
 * {@code HttpServer} cannot make: a body cut short of its {@code Content-Length}, a connection reset
 * in the middle of a body, a body of unknown length that runs on past a cap, a response or a body
 * held until the client gives up. One {@link Answer} per path (the query is ignored), one response per
 * connection ({@code Connection: close}); requests are counted per path. Thread-safe.
 */
final class FaultyFeedServer implements AutoCloseable {
    /** Hang guard: a connection idle this long is dropped (the client's own timeouts are far shorter). */
    private static final int IDLE_MILLIS = 60_000;

    private static final int MAX_HEAD = 64 * 1024;

    /** How an answer ends. */
    enum Ending {
        /** The whole answer, then the connection is closed. */
        COMPLETE,
        /** Headers announcing the whole body, half of it, then a normal close (FIN). */
        CUT,
        /** Headers announcing the whole body, half of it, then a reset (RST: linger 0). */
        RESET,
        /** Headers announcing the whole body, half of it, then nothing until the client hangs up. */
        STALLED,
        /** Nothing at all: the request is held until the client hangs up. */
        HELD
    }

    /**
     * What the server answers at a path.
     *
     * @param status the HTTP status
     * @param headers header lines such as {@code Retry-After: 60}, without line ends
     * @param body the body's bytes
     * @param declareLength whether to send {@code Content-Length} (else the body ends when the connection closes)
     * @param ending how the answer ends
     */
    record Answer(int status, List<String> headers, byte[] body, boolean declareLength, Ending ending) {
        Answer {
            headers = List.copyOf(headers);
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(ending, "ending");
        }

        /** A complete answer with a {@code Content-Length}. */
        static Answer of(int status, String contentType, byte[] body, String... headers) {
            List<String> lines = new ArrayList<>();
            lines.add("Content-Type: " + contentType);
            lines.addAll(List.of(headers));
            return new Answer(status, lines, body, true, Ending.COMPLETE);
        }

        /** A complete {@code 200 text/calendar} answer. */
        static Answer calendar(String body) {
            return of(200, "text/calendar; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }

        /** This answer ending another way. */
        Answer ending(Ending value) {
            return new Answer(status, headers, body, declareLength, value);
        }

        /** This answer without a {@code Content-Length}. */
        Answer undeclared() {
            return new Answer(status, headers, body, false, ending);
        }
    }

    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "faulty-feed-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private FaultyFeedServer(String address) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getByName(address));
        workers.execute(this::accept);
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    static FaultyFeedServer start() {
        return start("127.0.0.1");
    }

    /** Starts a server on a loopback address (any 127.x.y.z on Linux, so several servers stand for several hosts). */
    static FaultyFeedServer start(String loopbackAddress) {
        if (!loopbackAddress.startsWith("127.")) {
            throw new IllegalArgumentException("Tests stay on loopback: " + loopbackAddress + " is not 127.x.y.z");
        }
        try {
            return new FaultyFeedServer(loopbackAddress);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the faulty feed server on " + loopbackAddress, e);
        }
    }

    /** Answers a path from now on. */
    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** The URL of a path and query on this server. */
    FeedUrl url(String pathAndQuery) {
        return FeedUrl.parse("http://" + socket.getInetAddress().getHostAddress() + ":" + port() + pathAndQuery);
    }

    /** The port the server listens on. */
    int port() {
        return socket.getLocalPort();
    }

    /** How many requests a path has received. */
    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // the accepting thread ends either way
        }
        open.forEach(FaultyFeedServer::closeQuietly);
        workers.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                open.add(connection);
                workers.execute(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(IDLE_MILLIS);
            InputStream in = connection.getInputStream();
            String path = requestPath(in);
            requests.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.getOrDefault(
                    path, Answer.of(404, "text/plain", "no feed".getBytes(StandardCharsets.US_ASCII)));
            if (answer.ending() == Ending.HELD) {
                awaitHangUp(in);
                return;
            }
            OutputStream out = connection.getOutputStream();
            out.write(head(answer));
            int length = answer.ending() == Ending.COMPLETE ? answer.body().length : answer.body().length / 2;
            out.write(answer.body(), 0, length);
            out.flush();
            if (answer.ending() == Ending.STALLED) {
                awaitHangUp(in);
            } else if (answer.ending() == Ending.RESET) {
                connection.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            // the client hung up (a capped body, a timeout): nothing to answer any more
        } finally {
            open.remove(connection);
        }
    }

    /** Blocks until the client closes the connection (it sends nothing after its request). */
    private static void awaitHangUp(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // nothing expected; read() returns -1 or throws once the client hangs up
        }
    }

    private static byte[] head(Answer answer) {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + answer.status() + " " + reason(answer.status()) + "\r\n");
        answer.headers().forEach(line -> head.append(line).append("\r\n"));
        if (answer.declareLength()) {
            head.append("Content-Length: ").append(answer.body().length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the request head and returns its path without the query. */
    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || head.size() > MAX_HEAD) {
                throw new IOException("incomplete request head");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String requestLine =
                head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        String[] parts = requestLine.split(" ");
        String target = parts.length > 1 ? parts[1] : "/";
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // closing for good
        }
    }
}
