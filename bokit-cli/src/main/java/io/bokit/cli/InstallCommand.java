package io.bokit.cli;

import io.bokit.core.domain.OptionKey;
import io.bokit.core.port.in.OptionValue;
import io.bokit.core.port.in.OptionsUseCase;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bokit-cli install}: creates or upgrades the schema and opens the install gate; safe to run again. */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        description = {
            "Creates or upgrades bokit's tables (on PostgreSQL too), sets install.complete to true,"
                    + " and sets sync.interval to its default (3600 s) unless it is already set.",
            "Running it again changes nothing."
        })
final class InstallCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    InstallCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = Store.open(context.storeSettings(), true, context.clock())) {
            OptionsUseCase options = store.bokit().options();
            out.println("Schema ready in " + store.describe());
            OptionValue gate = options.set(OptionKey.INSTALL_COMPLETE.key(), "true");
            out.println(gate.key() + " = " + gate.value());
            OptionValue interval = options.get(OptionKey.SYNC_INTERVAL.key());
            if (interval.isDefault()) {
                interval = options.set(interval.key(), interval.value());
            }
            out.println(interval.key() + " = " + interval.value() + " (seconds)");
            out.println("Installed. Web applications sharing this store now sync automatically;"
                    + " bokit-cli sync runs one now.");
            return ExitCodes.OK;
        }
    }
}
