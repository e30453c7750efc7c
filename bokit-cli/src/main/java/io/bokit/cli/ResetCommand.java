package io.bokit.cli;

import io.bokit.core.domain.RunLease;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bokit-cli reset}: forgets the last claim, so the next request or sync runs (the seed's {@code Cache::forget('last_auto_sync')}). */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = {
            "Forgets when the last sync was claimed, so the next web request (or bokit-cli sync) starts a sync:"
                    + " the original's Cache::forget('last_auto_sync').",
            "A run in progress keeps its lease: runs never overlap."
        })
final class ResetCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    ResetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = context.openStore()) {
            store.bokit().sync().forgetLastClaim();
            out.println("Forgot the last sync claim: the next web request, or bokit-cli sync --if-due, starts a sync.");
            Instant now = context.now();
            RunLease lease = store.bokit().status().status().lease();
            if (lease != null) {
                out.println("A sync is running now (" + lease.owner() + ", lease until "
                        + Formats.instant(lease.expiresAt(), now) + "); the next one starts after it.");
            }
            if (!store.bokit().options().current().installComplete()) {
                out.println("Note: install.complete is false, so web requests start no sync until you run"
                        + " bokit-cli install.");
            }
            return ExitCodes.OK;
        }
    }
}
