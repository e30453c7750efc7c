package io.bokit.cli;

import io.bokit.core.domain.RunLease;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
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
    @ParentCommand
    BokitCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = root.openStore()) {
            store.syncState().forget();
            out.println("Forgot the last sync claim: the next web request, or bokit-cli sync, starts a sync.");
            Instant now = Instant.now();
            RunLease lease = store.syncState().load().activeLease(now).orElse(null);
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
