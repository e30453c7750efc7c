package io.bokit.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens the connection of one request to an address the SSRF guard checked, and to no other: the
 * host name is never looked up again here, so a name server that changes its answer after the check
 * (DNS rebinding) cannot steer the connection elsewhere. Over TLS the original host name is still
 * sent as SNI and verified against the certificate ({@code HTTPS} endpoint identification).
 *
 * <p>Sockets come from a {@link SocketChannel}, so an interrupted thread stops waiting at once (the
 * channel closes) rather than at the next timeout.
 */
final class PinnedConnector {
    private final Duration connectTimeout;
    private final SSLContext tls;

    PinnedConnector(Duration connectTimeout, SSLContext tls) {
        this.connectTimeout = connectTimeout;
        this.tls = tls;
    }

    /** A connector with the given TLS context, or the JVM's default one when null. */
    static PinnedConnector of(Duration connectTimeout, SSLContext tls) {
        try {
            return new PinnedConnector(connectTimeout, tls == null ? SSLContext.getDefault() : tls);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }

    /** The TCP connection or the TLS handshake did not finish within the connect timeout. */
    static final class ConnectTimeoutException extends IOException {
        ConnectTimeoutException(Throwable cause) {
            super("connect timed out", cause);
        }
    }

    /**
     * Connects to the first of the checked addresses that accepts, within one connect timeout for
     * all of them (TLS handshake included).
     *
     * @param uri the address requested: its scheme, host name (for SNI and certificate checks) and port
     * @param checked the addresses the guard checked for that host, in order; not empty
     * @return an open connection; the caller closes it
     * @throws ConnectTimeoutException if no connection (or handshake) completed in time
     * @throws IOException the last address's failure when none accepted
     */
    Connection open(URI uri, List<InetAddress> checked) throws IOException {
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        int port = port(uri);
        IOException last = null;
        for (InetAddress address : checked) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            Socket socket = SocketChannel.open().socket();
            try {
                socket.connect(new InetSocketAddress(address, port), millis(remaining));
                socket.setTcpNoDelay(true);
                Socket connected = isHttps(uri) ? handshake(socket, uri, port, deadline) : socket;
                return new Connection(connected);
            } catch (SocketTimeoutException e) {
                closeQuietly(socket);
                last = new ConnectTimeoutException(e);
            } catch (IOException e) {
                closeQuietly(socket);
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last != null ? last : new ConnectTimeoutException(null);
    }

    private Socket handshake(Socket plain, URI uri, int port, long deadline) throws IOException {
        String host = AddressGuard.unbracketed(uri.getHost());
        SSLSocketFactory factory = tls.getSocketFactory();
        SSLSocket socket = (SSLSocket) factory.createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isLiteral(host)) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException notAnSniName) {
                // e.g. an underscore: no SNI, the certificate is still checked against the name
            }
        }
        socket.setSSLParameters(parameters);
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("no time left for the TLS handshake");
        }
        socket.setSoTimeout(millis(remaining));
        socket.startHandshake();
        return socket;
    }

    /** One open connection: a buffered output and an input whose reads end at a deadline. */
    static final class Connection implements Closeable {
        private final Socket socket;
        private final OutputStream out;
        private final DeadlineInput deadlineInput;
        private final InputStream in;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), 2048);
            this.deadlineInput = new DeadlineInput(socket);
            this.in = new BufferedInputStream(deadlineInput, 16 * 1024);
        }

        OutputStream out() {
            return out;
        }

        /** Reads from the server; a read past the deadline throws {@link SocketTimeoutException}. */
        InputStream in() {
            return in;
        }

        /** Sets when reads stop waiting, as a {@link System#nanoTime()} value. */
        void readDeadline(long nanoTime) {
            deadlineInput.deadline = nanoTime;
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }

    /** Gives each read only the time left before the deadline. */
    private static final class DeadlineInput extends FilterInputStream {
        private final Socket socket;
        private volatile long deadline = Long.MAX_VALUE;

        DeadlineInput(Socket socket) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            arm();
            return super.read(buffer, offset, length);
        }

        private void arm() throws IOException {
            if (deadline == Long.MAX_VALUE) {
                socket.setSoTimeout(0);
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new SocketTimeoutException("read deadline passed");
            }
            socket.setSoTimeout(millis(remaining));
        }
    }

    static boolean isHttps(URI uri) {
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : isHttps(uri) ? 443 : 80;
    }

    /** Whether the host is an IP literal, which is never sent as SNI (RFC 6066). */
    private static boolean isLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** A socket timeout in milliseconds, at least 1 (0 would mean "wait for ever"). */
    private static int millis(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }
}
