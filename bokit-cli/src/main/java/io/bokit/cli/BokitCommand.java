package io.bokit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code bokit-cli} command: global options, and the subcommands that do the work (added by
 * {@link BokitCli}, which lists them in {@link BokitCli#COMMANDS}, so that a run builds only the one it needs).
 */
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
        footer = {"", "Run 'bokit-cli COMMAND --help' for a command's options.", "Documentation: docs/cli.md"})
final class BokitCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** The store options, shared with every subcommand through the {@link CliContext}. */
    @Mixin
    StoreOptions storeOptions;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Log the sync's [SyncJob] lines (INFO) and show stack traces of errors.")
    boolean verbose;

    BokitCommand(CliContext context) {
        this.storeOptions = context.storeOptions();
    }

    /** Without a subcommand: the help. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
