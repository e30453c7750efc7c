package io.bokit.cli;

import io.bokit.core.domain.BokitException;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.InvalidOptionException;
import io.bokit.core.domain.Secrets;
import io.bokit.core.port.out.ClockPort;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds and runs the {@code bokit-cli} command line: every subcommand, its output streams, the
 * exit codes and the one-line error messages.
 */
public final class BokitCli {
    private BokitCli() {}

    /**
     * Runs the command line with standard output and error as UTF-8.
     *
     * @return the exit code (see {@code bokit-cli --help})
     */
    public static int run(Environment environment, String... args) {
        // before anything can create a logger (even ZoneId.of loads ical4j's zone provider, which logs)
        Logging.configure(
                Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose"));
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        try {
            return commandLine(environment, out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command line, writing to the given streams: tests capture them.
     *
     * @param environment the variables, home directory and terminal the CLI sees
     * @param out where results go
     * @param err where errors go
     * @return a command line ready to {@link CommandLine#execute execute}
     */
    public static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
        return commandLine(environment, ClockPort.system(), out, err);
    }

    /**
     * The command line, reading time from the given clock: tests move a clock of their own.
     *
     * @param environment the variables, home directory and terminal the CLI sees
     * @param clock where every command reads "now"
     * @param out where results go
     * @param err where errors go
     * @return a command line ready to {@link CommandLine#execute execute}
     */
    public static CommandLine commandLine(Environment environment, ClockPort clock, PrintWriter out, PrintWriter err) {
        CliContext context = new CliContext(environment, clock);
        BokitCommand root = new BokitCommand(context);
        CommandLine commandLine = new CommandLine(root, new CommandFactory(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parseResult -> {
            Logging.configure(root.verbose);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler(BokitCli::usageError);
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> failure(e, failed, root.verbose));
        addExitCodes(commandLine);
        return commandLine;
    }

    private static void addExitCodes(CommandLine commandLine) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String entry : ExitCodes.LIST) {
            int colon = entry.indexOf(':');
            codes.put("  " + entry.substring(0, colon), entry.substring(colon + 1));
        }
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
        commandLine.getCommandSpec().usageMessage().exitCodeList(codes);
        commandLine.getSubcommands().values().forEach(BokitCli::addExitCodes);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("bokit-cli: " + Secrets.mask(e.getMessage()));
        if (e instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int failure(Exception e, CommandLine failed, boolean verbose) {
        PrintWriter err = failed.getErr();
        err.println("bokit-cli: " + message(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    private static int exitCode(Exception e) {
        if (e instanceof CliException cli) {
            return cli.exitCode();
        }
        if (e instanceof InvalidInputException || e instanceof InvalidOptionException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.ERROR;
    }

    /** The exception's message with its root cause's, every URL in it masked. */
    private static String message(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!(e instanceof BokitException || e instanceof CliException)) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + ": " + root.getMessage();
        }
        return Secrets.mask(message);
    }
}
