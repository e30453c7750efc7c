package io.bokit.cli;

import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncDecision;
import io.bokit.core.port.in.FeedStatus;
import io.bokit.core.port.in.SyncStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bokit-cli status}: whether and when syncs happen, who runs one now, and how every feed is doing. */
@Command(
        name = "status",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Shows the install gate, the interval, the last claim, when the next sync is due, the run lease,"
                    + " for every feed its last success, last error, consecutive failures and back-off, and how"
                    + " many double bookings are open."
        })
final class StatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--json", description = "Print the status as one JSON object (see docs/cli.md).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = context.openStore()) {
            SyncStatus status = store.bokit().status().status();
            int doubleBookings = store.bokit().doubleBookings().open(null).size();
            Instant now = context.now();
            if (json) {
                Map<String, Object> object = json(status, now);
                object.put("openDoubleBookings", doubleBookings);
                out.println(Json.write(object));
            } else {
                text(out, status, store.describe(), now);
                out.println();
                out.println("Double bookings: "
                        + (doubleBookings == 0
                                ? "none open"
                                : doubleBookings + " open (two sources hold the same nights; see bokit-cli overlaps"
                                        + " list)"));
            }
            return ExitCodes.OK;
        }
    }

    private static void text(PrintWriter out, SyncStatus status, String where, Instant now) {
        out.println("Store:            " + where);
        out.println("Install complete: "
                + (status.installComplete() ? "yes" : "no (automatic syncs are off; run bokit-cli install)"));
        out.println("Interval:         " + status.interval().toSeconds() + " s (" + Formats.duration(status.interval())
                + ")");
        out.println("Last claim:       "
                + (status.lastClaim() == null ? "never (or reset)" : Formats.instant(status.lastClaim(), now)));
        out.println("Next sync:        " + nextSync(status.decision(), now));
        RunLease lease = status.lease();
        out.println("Run lease:        "
                + (lease == null
                        ? "free (no sync running)"
                        : "held by " + lease.owner() + " since " + Formats.instant(lease.acquiredAt()) + ", expires "
                                + Formats.instant(lease.expiresAt(), now)));
        if (status.problem() != null) {
            out.println("Problem:          " + status.problem());
        }
        out.println();
        if (status.feeds().isEmpty()) {
            out.println("Feeds: none yet (add one with bokit-cli feeds add)");
            return;
        }
        out.println("Feeds (" + status.feeds().size() + "):");
        Table table = new Table(
                "ID",
                "NAME",
                "CALENDAR",
                "ENABLED",
                "STATE",
                "LAST SUCCESS",
                "FAILURES",
                "BACKOFF UNTIL",
                "LAST ERROR");
        for (FeedStatus feed : status.feeds()) {
            FetchState state = feed.state();
            table.row(
                    feed.id(),
                    feed.name(),
                    feed.calendar(),
                    feed.enabled() ? "yes" : "no",
                    state(feed, now),
                    Formats.instant(state.lastSuccess()),
                    state.consecutiveFailures(),
                    Formats.instant(state.backoffUntil()),
                    state.lastError());
        }
        table.print(out, "  ");
        skipped(out, status.feeds());
    }

    /** Why the feeds' last bodies skipped events, a line per feed that skipped any; nothing when none did. */
    private static void skipped(PrintWriter out, List<FeedStatus> feeds) {
        List<FeedStatus> skipping =
                feeds.stream().filter(feed -> feed.state().skipped() > 0).toList();
        if (skipping.isEmpty()) {
            return;
        }
        out.println();
        out.println("Skipped events (in the last body each feed served):");
        for (FeedStatus feed : skipping) {
            FetchState state = feed.state();
            out.println("  " + feed.id() + ": " + state.skipped() + " skipped"
                    + (state.skippedReasons().isEmpty()
                            ? ""
                            : " (" + Formats.skippedReasons(state.skipped(), state.skippedReasons()) + ")"));
        }
    }

    /**
     * What a feed is doing, in one word: {@code disabled}, {@code resting} (backing off: not fetched until then),
     * {@code held} (came back empty, and the empty-feed guard keeps its bookings until it is confirmed),
     * {@code failing} (failed last time; fetched again by the next sync), {@code new} (never fetched) or {@code ok}.
     */
    static String state(FeedStatus feed, Instant now) {
        FetchState state = feed.state();
        if (!feed.enabled()) {
            return "disabled";
        }
        if (state.backoffUntil() != null && now.isBefore(state.backoffUntil())) {
            return "resting";
        }
        if (state.consecutiveFailures() > 0) {
            return "failing";
        }
        if (state.consecutiveEmpty() > 0 && state.lastError() != null) {
            return "held";
        }
        return state.lastAttempt() == null ? "new" : "ok";
    }

    private static String nextSync(SyncDecision decision, Instant now) {
        if (decision instanceof SyncDecision.Due) {
            return "due now (the next web request, or bokit-cli sync, runs it)";
        }
        if (decision instanceof SyncDecision.NotDue notDue) {
            return "due after " + Formats.instant(notDue.until(), now);
        }
        return "none automatic: " + ((SyncDecision.Disabled) decision).reason();
    }

    private static Map<String, Object> json(SyncStatus status, Instant now) {
        SyncDecision decision = status.decision();
        Map<String, Object> decisionJson;
        if (decision instanceof SyncDecision.Due) {
            decisionJson = Json.object("state", "due");
        } else if (decision instanceof SyncDecision.NotDue notDue) {
            decisionJson = Json.object("state", "not_due", "until", notDue.until());
        } else {
            decisionJson = Json.object("state", "disabled", "reason", ((SyncDecision.Disabled) decision).reason());
        }
        RunLease lease = status.lease();
        List<Map<String, Object>> feeds = status.feeds().stream()
                .map(feed -> Json.object(
                        "id", feed.id().value(),
                        "name", feed.name(),
                        "calendar", feed.calendar().value(),
                        "url", feed.maskedUrl(),
                        "enabled", feed.enabled(),
                        "state", state(feed, now),
                        "lastAttempt", feed.state().lastAttempt(),
                        "lastSuccess", feed.state().lastSuccess(),
                        "lastError", feed.state().lastError(),
                        "consecutiveFailures", feed.state().consecutiveFailures(),
                        "backoffUntil", feed.state().backoffUntil(),
                        "skipped", feed.state().skipped(),
                        "skippedReasons", feed.state().skippedReasons()))
                .toList();
        return Json.object(
                "installComplete", status.installComplete(),
                "intervalSeconds", status.interval().toSeconds(),
                "lastClaim", status.lastClaim(),
                "decision", decisionJson,
                "lease",
                        lease == null
                                ? null
                                : Json.object(
                                        "owner", lease.owner(),
                                        "acquiredAt", lease.acquiredAt(),
                                        "expiresAt", lease.expiresAt()),
                "problem", status.problem(),
                "feeds", feeds);
    }
}
