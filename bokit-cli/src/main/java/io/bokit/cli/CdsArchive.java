package io.bokit.cli;

import io.bokit.core.port.out.ClockPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the class-data-sharing archive {@code bokit-cli.jsa} the launcher starts the JVM with; run by the build at
 * {@code package}, after the executable jar.
 *
 * <p>A training run of the jar ({@code --train}: the usual commands, in one JVM, on a store in a fresh directory beside
 * the archive and a local feed file, the demo's feed server on loopback) lists the classes it loads; a second JVM dumps
 * them, the JDK's own included, into the archive ({@code -Xshare:dump}). A static archive rather than one dumped at
 * exit: JDK 17 leaves classes older than Java 6 out of dynamic archives, and picocli's are. Beside the archive goes
 * {@code bokit-cli.jsa.key}: the real paths of the {@code java} that made it and of the jar. An archive serves only that
 * JVM and that jar where it was (JDK 17 refuses it elsewhere, and then starts without the JDK's own archive either), so
 * the launcher uses it only then. A failure is a warning: the launcher then starts without an archive.
 *
 * <p>Run by hand, {@code java -cp bokit-cli.jar io.bokit.cli.CdsArchive bokit-cli.jar bokit-cli.jsa} makes the archive
 * again beside a jar copied elsewhere.
 */
public final class CdsArchive {
    private static final long STEP_TIMEOUT_MINUTES = 5;

    private CdsArchive() {}

    /**
     * Builds the archive, or with {@code --train HOME} runs the training commands on a store in {@code HOME}.
     *
     * @param args the executable jar and the archive to write; or {@code --train} and a directory
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--train")) {
            train(Path.of(args[1]));
            return;
        }
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CdsArchive <bokit-cli.jar> <bokit-cli.jsa>");
        }
        Path jar = Path.of(args[0]).toRealPath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path stamp = stampOf(archive);
        Files.deleteIfExists(archive);
        Files.deleteIfExists(stamp);
        try {
            build(jar, archive, stamp);
        } catch (IOException | IllegalStateException e) {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(stamp);
            System.err.println("[WARNING] bokit-cli: no class-data-sharing archive (" + e.getMessage()
                    + "); the launcher starts the JVM without one");
        }
    }

    /** The file beside an archive naming the {@code java} that made it and the jar it holds, a line each. */
    static Path stampOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".key");
    }

    private static void build(Path jar, Path archive, Path stamp) throws IOException, InterruptedException {
        Path work = archive.resolveSibling("cds");
        delete(work);
        Path home = Files.createDirectories(work.resolve("home"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path classList = work.resolve("classes.lst");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        run(
                work.resolve("training.log"),
                List.of(
                        java.toString(),
                        // the launcher's flags for short commands: a quicker training, loading the same classes
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-XX:DumpLoadedClassList=" + classList,
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        jar.toString(),
                        CdsArchive.class.getName(),
                        "--train",
                        home.toString()));
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        run(
                work.resolve("dump.log"),
                List.of(
                        java.toString(),
                        "-Xshare:dump",
                        "-XX:SharedClassListFile=" + classList,
                        "-XX:SharedArchiveFile=" + partial,
                        "-cp",
                        jar.toString()));
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(stamp, java + "\n" + jar + "\n", StandardCharsets.UTF_8);
    }

    /** Runs a JVM with none of the user's bokit settings (BOKIT_DB_URL would point the training at their store). */
    private static void run(Path log, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BOKIT_") || name.startsWith("JAVA_TOOL"));
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command) + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "exit " + process.exitValue() + " of " + String.join(" ", command) + "; see " + log);
        }
    }

    /** The training: the commands people run most, on a fresh store in {@code home}, each as {@link Main} runs it. */
    static void train(Path home) throws IOException, ClassNotFoundException {
        Logging.configure(false);
        ClockPort clock = ClockPort.system();
        Path feed = home.resolve("seaview.ics");
        Files.writeString(feed, sampleFeed(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC)), StandardCharsets.UTF_8);
        Environment environment = new Environment(Map.of("BOKIT_HOME", home.toString()), home, false);
        // Main and the way it runs the command line (its output goes to the training log): loaded, so archived
        Class.forName(Main.class.getName());
        if (BokitCli.run(environment, "--version") != ExitCodes.OK) {
            throw new IllegalStateException("bokit-cli --version failed");
        }
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--help"});
        commands.add(new String[] {"sync", "--help"});
        commands.add(new String[] {"install"});
        commands.add(new String[] {"status"});
        commands.add(new String[] {"calendars", "add", "seaview", "--name", "Sea View", "--zone", "Europe/Lisbon"});
        commands.add(new String[] {"feeds", "add", "--calendar", "seaview", "--id", "seaview-file", feed.toString()});
        commands.add(new String[] {"sync", "--force"});
        commands.add(new String[] {"sync", "--force", "--json"});
        commands.add(new String[] {"status"});
        commands.add(new String[] {"status", "--json"});
        commands.add(new String[] {"calendars", "list"});
        commands.add(new String[] {"feeds", "list"});
        commands.add(new String[] {"bookings", "list"});
        commands.add(new String[] {"bookings", "list", "--json"});
        commands.add(new String[] {"history"});
        commands.add(new String[] {"options", "list"});
        commands.add(new String[] {"overlaps", "list"});
        commands.add(new String[] {"exports", "list"});
        commands.add(new String[] {"demo"});
        for (String[] command : commands) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long started = System.nanoTime();
            int code = BokitCli.execute(
                    environment, clock, new PrintWriter(out, true), new PrintWriter(err, true), command);
            // the command's first two words, in the training log: no path or URL
            System.out.println("bokit-cli " + String.join(" ", Arrays.copyOf(command, Math.min(2, command.length)))
                    + ": exit " + code + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            if (code != ExitCodes.OK) {
                throw new IllegalStateException(
                        "bokit-cli " + String.join(" ", command) + " exited " + code + ": " + err);
            }
        }
    }

    /** A feed of two bookings after {@code today}. */
    private static String sampleFeed(LocalDate today) {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bokit//training//EN\r\n");
        for (int i = 0; i < 2; i++) {
            LocalDate checkIn = today.plusDays(10 + 7L * i);
            ics.append("BEGIN:VEVENT\r\nUID:training-")
                    .append(i)
                    .append("\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:")
                    .append(checkIn.toString().replace("-", ""))
                    .append("\r\nDTEND;VALUE=DATE:")
                    .append(checkIn.plusDays(3).toString().replace("-", ""))
                    .append("\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n");
        }
        return ics.append("END:VCALENDAR\r\n").toString();
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
