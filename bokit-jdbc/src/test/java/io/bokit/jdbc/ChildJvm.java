package io.bokit.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM running {@link SyncChildProcess} on this test's class path: what it tells the parent (its lines that
 * start with {@link SyncChildProcess#TAG}) and a SIGKILL to end it.
 */
final class ChildJvm {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> told = new CopyOnWriteArrayList<>();
    /** The child's other output (its log), the last lines of which a failed wait shows. */
    private final List<String> logged = new CopyOnWriteArrayList<>();

    private final Duration timeout;

    private ChildJvm(Process process, Duration timeout) {
        this.process = process;
        this.timeout = timeout;
        Thread reader = new Thread(this::read, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@link SyncChildProcess} with these arguments; {@code timeout} bounds every wait. */
    static ChildJvm start(Duration timeout, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SyncChildProcess.class.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(
                new ProcessBuilder(command).redirectErrorStream(true).start(), timeout);
    }

    /** Waits, within the timeout, for the child to say a line that starts with {@code start}, and returns it. */
    String await(String start) throws InterruptedException {
        for (String line : told) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError(
                        "The child did not say \"" + start + "…\" within " + timeout + "; it said " + told
                                + "; its log ends with:\n"
                                + String.join("\n", logged.subList(Math.max(0, logged.size() - 40), logged.size())));
            }
            if (line.startsWith(start)) {
                return line;
            }
        }
    }

    /** Every line the child has told so far. */
    List<String> told() {
        return List.copyOf(told);
    }

    /** Kills the child with SIGKILL and returns its exit value once it is dead (137 on Linux). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("The child did not die within " + timeout);
        }
        return process.exitValue();
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(SyncChildProcess.TAG + " ")) {
                    String said = line.substring(SyncChildProcess.TAG.length() + 1);
                    told.add(said);
                    lines.add(said);
                } else {
                    logged.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
