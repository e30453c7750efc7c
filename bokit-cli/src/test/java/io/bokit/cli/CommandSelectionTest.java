package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.port.out.ClockPort;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A run builds only the subcommand its arguments name, and behaves as the whole command tree would. */
class CommandSelectionTest {
    @TempDir
    Path home;

    /** The root command alone, as {@link BokitCli#execute} reads the arguments with it. */
    private static CommandLine root() {
        Environment environment = new Environment(Map.of(), Path.of("unused"), false);
        return new CommandLine(new BokitCommand(new CliContext(environment, ClockPort.system())));
    }

    @Test
    void theNamedCommandAloneIsBuilt() {
        assertThat(BokitCli.commandsFor(root(), "status")).containsExactly(StatusCommand.class);
        assertThat(BokitCli.commandsFor(root(), "-v", "sync", "--force")).containsExactly(SyncCommand.class);
        assertThat(BokitCli.commandsFor(root(), "feeds", "add", "--help")).containsExactly(FeedsCommand.class);
    }

    @Test
    void anOptionsValueIsNotTakenForTheCommand() {
        assertThat(BokitCli.commandsFor(root(), "--home", "status", "sync")).containsExactly(SyncCommand.class);
        assertThat(BokitCli.commandsFor(root(), "--home=status", "history")).containsExactly(HistoryCommand.class);
        assertThat(BokitCli.commandsFor(root(), "--allow", "10.0.0.0/8", "--allow-private", "demo"))
                .containsExactly(DemoCommand.class);
    }

    @Test
    void everyCommandIsBuiltForTheHelpAnUnknownNameOrOptionOrAnArgumentFile() {
        assertThat(BokitCli.commandsFor(root())).hasSize(BokitCli.COMMANDS.size());
        assertThat(BokitCli.commandsFor(root(), "--help", "status")).hasSize(BokitCli.COMMANDS.size());
        assertThat(BokitCli.commandsFor(root(), "synk")).hasSize(BokitCli.COMMANDS.size());
        assertThat(BokitCli.commandsFor(root(), "@args.txt")).hasSize(BokitCli.COMMANDS.size());
        assertThat(BokitCli.commandsFor(root(), "--", "status")).hasSize(BokitCli.COMMANDS.size());
        assertThat(BokitCli.commandsFor(root(), "-vh", "status")).hasSize(BokitCli.COMMANDS.size());
        assertThat(BokitCli.commandsFor(root(), "--hme", "x", "status")).hasSize(BokitCli.COMMANDS.size());
    }

    @Test
    void theVersionNeedsNoCommand() {
        assertThat(BokitCli.commandsFor(root(), "--version")).isEmpty();
        assertThat(BokitCli.commandsFor(root(), "-V", "status")).containsExactly(StatusCommand.class);
    }

    @Test
    void everyCommandIsListedUnderTheNameOfItsAnnotation() {
        BokitCli.COMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name));
    }

    @Test
    void theWholeTreeHoldsEveryCommand() {
        CommandLine full = BokitCli.commandLine(
                new Environment(Map.of(), home, false),
                ClockPort.system(),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));

        assertThat(full.getSubcommands().keySet()).containsExactlyElementsOf(BokitCli.COMMANDS.keySet());
        BokitCli.COMMANDS.forEach((name, type) -> assertThat(
                        full.getSubcommands().get(name).getCommandSpec().userObject())
                .isInstanceOf(type));
    }

    @Test
    void aCommandsHelpIsTheSameWhenItIsBuiltAlone() {
        for (String name : BokitCli.COMMANDS.keySet()) {
            StringWriter fullOut = new StringWriter();
            StringWriter fullErr = new StringWriter();
            Environment environment = new Environment(Map.of("BOKIT_HOME", home.toString()), home, false);
            int fullCode = BokitCli.commandLine(
                            environment, ClockPort.system(), new PrintWriter(fullOut), new PrintWriter(fullErr))
                    .execute(name, "--help");
            StringWriter aloneOut = new StringWriter();
            StringWriter aloneErr = new StringWriter();
            int aloneCode = BokitCli.execute(
                    environment,
                    ClockPort.system(),
                    new PrintWriter(aloneOut),
                    new PrintWriter(aloneErr),
                    name,
                    "--help");

            assertThat(aloneCode).as(name).isEqualTo(fullCode);
            assertThat(aloneOut.toString())
                    .as(name)
                    .isEqualTo(fullOut.toString())
                    .contains("Usage:");
            assertThat(aloneErr.toString()).as(name).isEqualTo(fullErr.toString());
        }
    }
}
