package io.bokit.cli;

import io.bokit.core.port.out.ClockPort;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a script of bokit-cli commands in a JVM of its own with every logger at TRACE, so a test can
 * read everything the CLI and the libraries under it print and log. slf4j-simple fixes its levels when
 * its first logger is made; {@link BokitCli} lowers them to WARN unless this process sets them first.
 *
 * <p>Arguments: the bokit home directory, then a script file: one command a line, its arguments
 * separated by tabs. Before each command it prints {@code ### command <n>} (never the line: it holds
 * feed URLs), after it {@code ### exit <code>}.
 */
final class TracingCli {
    private TracingCli() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "trace");
        System.setProperty("org.slf4j.simpleLogger.log.io.bokit.core.application.SyncService", "trace");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // the first logger (the sync's, made when its class is initialised) fixes every level: make it before
        // BokitCli raises the levels
        Class.forName("io.bokit.core.application.SyncService");
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put("BOKIT_HOME", args[0]);
        Environment environment = new Environment(variables, Path.of(args[0]), false);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            out.println("### command " + n);
            String[] command = lines.get(n).split("\t");
            int code = BokitCli.execute(environment, ClockPort.system(), out, err, command);
            out.println("### exit " + code);
        }
    }
}
