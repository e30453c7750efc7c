package io.bokit.cli;

import io.bokit.core.port.in.OptionValue;
import io.bokit.core.port.in.OptionsUseCase;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bokit-cli options list|get|set|unset}: reads and writes the options, every value validated. */
@Command(
        name = "options",
        mixinStandardHelpOptions = true,
        description = {
            "Reads and writes bokit's options (sync.interval, install.complete, sync.request_delay, timezone, …).",
            "Values are checked before they are stored; a web application sharing the store sees a change"
                    + " within its refresh period (60 s by default)."
        },
        subcommandsRepeatable = false)
final class OptionsCommand {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    OptionsCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every option with its value.")
    int list(@Option(names = "--json", description = "Print a JSON array.") boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = context.openStore()) {
            List<OptionValue> options = store.bokit().options().list();
            if (json) {
                out.println(
                        Json.write(options.stream().map(OptionsCommand::json).toList()));
                return ExitCodes.OK;
            }
            Table table = new Table("KEY", "VALUE", "", "DESCRIPTION");
            for (OptionValue option : options) {
                table.row(option.key(), option.value(), option.isDefault() ? "(default)" : "", option.description());
            }
            table.print(out, "");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "Prints one option's value (the default when none is stored).")
    int get(@Parameters(paramLabel = "KEY", description = "e.g. sync.interval") String key) {
        try (Store store = context.openStore()) {
            spec.commandLine().getOut().println(store.bokit().options().get(key).value());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Validates and stores a value, e.g. options set sync.interval 300.")
    int set(
            @Parameters(index = "0", paramLabel = "KEY", description = "e.g. sync.interval") String key,
            @Parameters(index = "1", paramLabel = "VALUE", description = "e.g. 300") String value) {
        try (Store store = context.openStore()) {
            OptionValue stored = store.bokit().options().set(key, value);
            spec.commandLine().getOut().println(stored.key() + " = " + stored.value());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "unset",
            mixinStandardHelpOptions = true,
            description = "Removes a stored value: the option takes its default again.")
    int unset(@Parameters(paramLabel = "KEY", description = "e.g. sync.interval") String key) {
        try (Store store = context.openStore()) {
            OptionsUseCase options = store.bokit().options();
            OptionValue option = options.unset(key);
            spec.commandLine().getOut().println(option.key() + " = " + option.value() + " (default)");
            return ExitCodes.OK;
        }
    }

    private static Map<String, Object> json(OptionValue option) {
        return Json.object(
                "key", option.key(),
                "value", option.value(),
                "default", option.isDefault(),
                "description", option.description(),
                "allowed", option.allowed());
    }
}
