package io.bokit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Spring example app as a child JVM on a free port of 127.0.0.1, for the harnesses that drive it over HTTP. */
final class ExampleApp implements AutoCloseable {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ExampleApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the example.
     *
     * @param classpath the example's classes and dependencies
     * @param dataSourceUrl its {@code spring.datasource.url}
     * @param props more {@code --key=value} arguments
     * @param log where its output goes
     * @return the app, starting (see {@link #awaitUp()})
     */
    static ExampleApp start(String classpath, String dataSourceUrl, List<String> props, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m",
                "-Xmx512m",
                "-Dnet.fortuna.ical4j.timezone.update.enabled=false",
                "-cp",
                classpath,
                "io.bokit.example.ExampleApplication",
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--spring.datasource.url=" + dataSourceUrl,
                "--spring.main.banner-mode=off"));
        command.addAll(props);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ExampleApp(process, port, log);
    }

    /** Waits until the app answers its health endpoint (excluded from bokit's hook). */
    void awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpRequest health =
                HttpRequest.newBuilder(uri("/actuator/health")).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the example exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (CLIENT.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the example did not start within 120 s; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /** An address on the app. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
