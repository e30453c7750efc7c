package io.bokit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code bokit-cli} command: global options, and the subcommands that do the work. */
@Command(
        name = "bokit-cli",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Keeps holiday-rental booking calendars in sync with the channels' iCal feeds.",
        description = {
            "",
            "The store is an embedded H2 file in $BOKIT_HOME, or ~/.bokit when BOKIT_HOME is not set; "
                    + "--db (or BOKIT_DB_URL) points at a PostgreSQL database instead, shared with your web application.",
            ""
        },
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'bokit-cli COMMAND --help' for a command's options.", "Documentation: docs/cli.md"},
        subcommands = {
            SyncCommand.class,
            StatusCommand.class,
            OptionsCommand.class,
            ResetCommand.class,
            InstallCommand.class,
            CalendarsCommand.class,
            FeedsCommand.class,
            BookingsCommand.class,
            HistoryCommand.class,
            DemoCommand.class,
            picocli.AutoComplete.GenerateCompletion.class
        })
final class BokitCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Directory of the embedded H2 store (default: $BOKIT_HOME, else ~/.bokit).")
    Path home;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            scope = ScopeType.INHERIT,
            description = "JDBC URL of the store instead of the embedded H2 file, "
                    + "e.g. jdbc:postgresql://localhost:5432/app (default: $BOKIT_DB_URL).")
    String db;

    @Option(
            names = "--db-user",
            paramLabel = "USER",
            scope = ScopeType.INHERIT,
            description = "Database user (default: $BOKIT_DB_USER).")
    String dbUser;

    @Option(
            names = "--db-password",
            paramLabel = "PASSWORD",
            scope = ScopeType.INHERIT,
            description = "Database password (default: $BOKIT_DB_PASSWORD, which keeps it out of the process list).")
    String dbPassword;

    @Option(
            names = "--allow-private",
            scope = ScopeType.INHERIT,
            description = "Let feeds on loopback and private network addresses be fetched (local demos and tests). "
                    + "Dangerous where other people can add feeds: it opens your private network to them.")
    boolean allowPrivate;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Log the sync's [SyncJob] lines (INFO) and show stack traces of errors.")
    boolean verbose;

    private final Environment environment;

    BokitCommand(Environment environment) {
        this.environment = environment;
    }

    /** Without a subcommand: the help. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The environment the CLI runs in. */
    Environment environment() {
        return environment;
    }

    /** Where the store is, from the options, then the environment, then the default. */
    StoreSettings storeSettings() {
        String url = db != null ? db : environment.get("BOKIT_DB_URL");
        if (url != null) {
            return new StoreSettings(
                    url.strip(),
                    dbUser != null ? dbUser : environment.get("BOKIT_DB_USER"),
                    dbPassword != null ? dbPassword : environment.get("BOKIT_DB_PASSWORD"),
                    null,
                    allowPrivate);
        }
        return StoreSettings.embedded(homeDirectory(), allowPrivate);
    }

    /** The bokit home directory: {@code --home}, else {@code $BOKIT_HOME}, else {@code ~/.bokit}. */
    Path homeDirectory() {
        if (home != null) {
            return home;
        }
        String fromEnvironment = environment.get("BOKIT_HOME");
        return fromEnvironment != null
                ? Path.of(fromEnvironment)
                : environment.userHome().resolve(".bokit");
    }

    /** Opens the store for a command (creating an embedded one on first use). */
    Store openStore() {
        return Store.open(storeSettings(), false);
    }
}
