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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds and runs the {@code bokit-cli} command line: every subcommand, its output streams, the
 * exit codes and the one-line error messages.
 */
public final class BokitCli {
    /**
     * Every subcommand by the name in its {@code @Command} annotation, in the order the help lists them. Written out
     * rather than read from the annotations, which would cost a start of the CLI some milliseconds (a test checks that
     * the names agree).
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "sync", SyncCommand.class,
            "status", StatusCommand.class,
            "options", OptionsCommand.class,
            "reset", ResetCommand.class,
            "install", InstallCommand.class,
            "calendars", CalendarsCommand.class,
            "feeds", FeedsCommand.class,
            "bookings", BookingsCommand.class,
            "history", HistoryCommand.class,
            "exports", ExportsCommand.class,
            "export", ExportCalendarCommand.class,
            "overlaps", OverlapsCommand.class,
            "demo", DemoCommand.class,
            "generate-completion", AutoComplete.GenerateCompletion.class);

    private BokitCli() {}

    private static Map<String, Class<?>> commands(Object... namesAndCommands) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCommands.length; i += 2) {
            byName.put((String) namesAndCommands[i], (Class<?>) namesAndCommands[i + 1]);
        }
        return Collections.unmodifiableMap(byName);
    }

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
            return execute(environment, ClockPort.system(), out, err, args);
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
        return commandLine(environment, clock, out, err, null);
    }

    /**
     * Runs the command line on the given arguments, building only the subcommand they name (every one when they name
     * none, or ask for the help): picocli reads each command's annotations by reflection, a good part of the start
     * time of a short command such as {@code status}.
     *
     * @param environment the variables, home directory and terminal the CLI sees
     * @param clock where every command reads "now"
     * @param out where results go
     * @param err where errors go
     * @param args the arguments
     * @return the exit code
     */
    static int execute(Environment environment, ClockPort clock, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(environment, clock, out, err, args).execute(args);
    }

    /** The command line with the subcommands {@code args} need, or all of them when {@code args} is null. */
    private static CommandLine commandLine(
            Environment environment, ClockPort clock, PrintWriter out, PrintWriter err, String[] args) {
        CliContext context = new CliContext(environment, clock);
        BokitCommand root = new BokitCommand(context);
        CommandFactory factory = new CommandFactory(context);
        CommandLine commandLine = new CommandLine(root, factory);
        for (Class<?> command : args == null ? COMMANDS.values() : commandsFor(commandLine, args)) {
            commandLine.addSubcommand(new CommandLine(command, factory));
        }
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

    /**
     * The subcommands a run on these arguments needs: the one named by the first argument that is neither a global
     * option nor its value; none for a bare {@code --version}; all of them otherwise: for the help (which lists them),
     * an unknown command or option (answered with the closest names), an argument file ({@code @file}) or {@code --}.
     */
    static Collection<Class<?>> commandsFor(CommandLine root, String... args) {
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@") || arg.equals("--")) {
                return COMMANDS.values();
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                Class<?> command = COMMANDS.get(arg);
                return command == null ? COMMANDS.values() : List.of(command);
            }
            int equals = arg.indexOf('=');
            OptionSpec option = root.getCommandSpec().findOption(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null || option.usageHelp()) {
                // the help, or an option the root does not know (a typo, a cluster such as -vh): picocli answers
                return COMMANDS.values();
            }
            version |= option.versionHelp();
            if (equals < 0 && option.arity().max() > 0) {
                i++; // its value, which may look like a command's name (--home status)
            }
        }
        return version ? List.of() : COMMANDS.values();
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
