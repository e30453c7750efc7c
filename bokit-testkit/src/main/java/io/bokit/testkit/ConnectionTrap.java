package io.bokit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening socket on loopback that must never be reached: it counts every connection made to it
 * and closes it at once, so a test can prove that something refused an address <em>before</em>
 * connecting. Listens on 127.0.0.1 and, where the machine has IPv6, on {@code ::1} at the same port,
 * so {@code http://localhost:<port>/} is caught whichever address the name resolves to first.
 * Thread-safe.
 *
 * <pre>{@code
 * try (ConnectionTrap trap = ConnectionTrap.open()) {
 *     // … register a feed at trap.url("/latest/meta-data/?token=…") and sync with the SSRF guard on
 *     assertThat(trap.connections()).isZero();
 * }
 * }</pre>
 *
 * <p>A client that connects has its connection accepted and closed before it can read an answer, so
 * once its fetch has failed the connection is already counted.
 */
public final class ConnectionTrap implements AutoCloseable {
    private final List<ServerSocket> sockets = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final int port;

    private ConnectionTrap() throws IOException {
        ServerSocket ipv4 = listen(InetAddress.getByName("127.0.0.1"), 0);
        port = ipv4.getLocalPort();
        try {
            listen(InetAddress.getByName("::1"), port);
        } catch (IOException e) {
            // no IPv6 loopback on this machine, or the port is taken there: IPv4 alone is trapped
        }
    }

    /**
     * A port on 127.0.0.1 that nothing listens on (bound, then released at once): a URL there stands
     * for a host that refuses connections. Another process could take the port in between; tests on
     * one machine do not.
     *
     * @return the port
     * @throws UncheckedIOException if no port can be bound
     */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
        }
    }

    /** Opens a trap on a free port of 127.0.0.1 (and of {@code ::1} where possible). */
    public static ConnectionTrap open() {
        try {
            return new ConnectionTrap();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a connection trap on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:<port><pathAndQuery>}. */
    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    /** {@code http://[::1]:<port><pathAndQuery>}: trapped only where {@link #trapsIpv6()}. */
    public String ipv6Url(String pathAndQuery) {
        return "http://[::1]:" + port + pathAndQuery;
    }

    /** {@code http://localhost:<port><pathAndQuery>}: a host name that resolves to loopback. */
    public String localhostUrl(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    /**
     * The internal feeds every SSRF test registers: this trap by IPv4, IPv6 and {@code localhost}, a private and the
     * cloud metadata address, and a feed on {@code outside} that redirects here.
     *
     * @param outside an allowed server; {@code /moved.ics} on it is set to redirect to this trap
     * @param query appended to every URL (the planted token)
     * @return feed id to URL: {@code loopback}, {@code ipv6-loopback}, {@code localhost}, {@code private},
     *     {@code metadata}, {@code redirect}
     */
    public Map<String, String> internalFeeds(LocalFeedServer outside, String query) {
        outside.redirect("/moved.ics", url("/admin" + query));
        Map<String, String> feeds = new LinkedHashMap<>();
        feeds.put("loopback", url("/cal.ics" + query));
        feeds.put("ipv6-loopback", ipv6Url("/cal.ics" + query));
        feeds.put("localhost", localhostUrl("/cal.ics" + query));
        feeds.put("private", "http://10.0.0.5:8080/admin" + query);
        feeds.put("metadata", "http://169.254.169.254/latest/meta-data/" + query);
        feeds.put("redirect", outside.url("/moved.ics").reveal() + query);
        return feeds;
    }

    /** Whether the trap also listens on {@code ::1}. */
    public boolean trapsIpv6() {
        return sockets.size() > 1;
    }

    /** The port the trap listens on. */
    public int port() {
        return port;
    }

    /** How many connections reached the trap so far. */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a listening socket: nothing left to do
            }
        }
    }

    private ServerSocket listen(InetAddress address, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        sockets.add(socket);
        Thread accepter = new Thread(() -> accept(socket), "connection-trap");
        accepter.setDaemon(true);
        accepter.start();
        return socket;
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connections.incrementAndGet();
            } catch (IOException e) {
                // closed by close(), or a client gave up: the loop ends when the socket is closed
            }
        }
    }
}
