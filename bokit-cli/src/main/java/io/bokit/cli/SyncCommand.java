package io.bokit.cli;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.JoinedRun;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.in.SyncScope;
import io.bokit.core.port.in.SyncStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bokit-cli sync}: runs a sync now in this process and prints what each feed did. */
@Command(
        name = "sync",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Syncs every enabled feed now, or only the feeds given with --feed or --calendar, whatever the interval.",
            "With --if-due (for cron) it syncs only when the interval (option sync.interval) is over, and then claims it,"
                    + " exactly as a web request would; when it is not over it exits 5.",
            "Feeds resting after a failure are not fetched, unless they are named with --feed or --retry-failed is given.",
            "A sync never starts while another one (from a web application or another bokit-cli) holds the run lease.",
            "With --join it takes part in the shared run another node has open (option sync.shared_runs): it claims and"
                    + " syncs some of its feeds until none is left, then exits; exit 5 when no shared run is open."
        })
final class SyncCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    SyncCommand(CliContext context) {
        this.context = context;
    }

    @Option(
            names = "--feed",
            paramLabel = "ID",
            split = ",",
            description = "Sync only this feed (repeatable, or comma-separated).")
    List<String> feedIds = new ArrayList<>();

    @Option(
            names = "--calendar",
            paramLabel = "KEY",
            split = ",",
            description = "Sync only this calendar's feeds (repeatable, or comma-separated).")
    List<String> calendarKeys = new ArrayList<>();

    @Option(
            names = "--if-due",
            description = "Sync only if the interval is over, and claim it as a web request would (for cron); "
                    + "exit 5 when it is not due.")
    boolean ifDue;

    @Option(
            names = "--retry-failed",
            description = "Also fetch the feeds resting after a failure (or a channel's Retry-After), now.")
    boolean retryFailed;

    @Option(
            names = "--force",
            description =
                    "Sync now whatever the interval: what sync does anyway since --if-due exists; kept for scripts.")
    boolean force;

    @Option(
            names = "--join",
            description = "Join the shared run another node has open (option sync.shared_runs) and sync some of its"
                    + " feeds; exit 5 when none is open.")
    boolean join;

    @Option(names = "--json", description = "Print the result as one JSON object (see docs/cli.md).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (force && ifDue) {
            throw new InvalidInputException("--force and --if-due contradict each other: give one of them");
        }
        if (join && (force || ifDue || retryFailed || !feedIds.isEmpty() || !calendarKeys.isEmpty())) {
            throw new InvalidInputException(
                    "--join syncs the feeds of the run another node opened: it takes no --feed, --calendar, --if-due,"
                            + " --force or --retry-failed");
        }
        try (Store store = context.openStore()) {
            Bokit bokit = store.bokit();
            if (join) {
                return join(bokit, out);
            }
            SyncScope scope = scope(bokit);
            List<Feed> feeds = bokit.feeds().feeds();
            if (feeds.isEmpty()) {
                return nothingToSync(
                        out,
                        "no_feeds",
                        "There are no feeds yet, so there is nothing to sync. Add a calendar and a feed first:",
                        "  bokit-cli calendars add seaview --name \"Sea View\"",
                        "  bokit-cli feeds add --calendar seaview https://www.airbnb.com/calendar/ical/123.ics?s=…",
                        "  bokit-cli sync",
                        "Or watch a complete sync of sample feeds first: bokit-cli demo");
            }
            List<Feed> inScope = feeds.stream()
                    .filter(feed -> feed.enabled() && scope.includes(feed))
                    .toList();
            if (inScope.isEmpty()) {
                return nothingToSync(
                        out,
                        "no_enabled_feeds",
                        "No enabled feed to sync" + (scope.isAll() ? "" : " among the feeds chosen")
                                + ": enable one with bokit-cli feeds enable ID.");
            }
            Progress progress = null;
            if (!json && context.environment().interactive() && inScope.size() >= Progress.MIN_FEEDS) {
                progress = new Progress(out, inScope.size());
                store.fetcher().observe(progress);
            }
            SyncResult result;
            try {
                // named feeds are what the operator asks for: fetch them even while they rest after a failure
                boolean ignoreBackoff = retryFailed || (!feedIds.isEmpty() && calendarKeys.isEmpty());
                result = bokit.sync().sync(new io.bokit.core.port.in.SyncCommand(scope, !ifDue, ignoreBackoff));
            } finally {
                if (progress != null) {
                    progress.clear();
                }
            }
            return print(result, bokit, out, err);
        }
    }

    /** {@code --join}: this process's part of the shared run that is open, if any. */
    private int join(Bokit bokit, PrintWriter out) {
        Optional<JoinedRun> joined = bokit.sync().joinOpenRun();
        if (joined.isEmpty()) {
            if (json) {
                out.println(Json.write(Json.object("result", "no_open_run")));
            } else {
                out.println("No shared run is open; nothing was done. A node opens one when it claims an interval"
                        + " while the option sync.shared_runs is true.");
            }
            return ExitCodes.NOT_DUE;
        }
        JoinedRun run = joined.get();
        String id = run.runId().substring(0, Math.min(8, run.runId().length()));
        if (json) {
            Map<String, Object> object = run.report()
                    .map(report -> ReportPrinter.json(report, states(bokit)))
                    .orElseGet(java.util.LinkedHashMap::new);
            object.put("result", "joined");
            object.put("run", id);
            object.put("openedBy", run.openedBy());
            object.put("synced", run.synced());
            object.put("closed", run.report().isPresent());
            out.println(Json.write(object));
        } else {
            out.println(
                    "Joined shared run " + id + " opened by " + run.openedBy() + ": synced " + run.synced()
                            + (run.synced() == 1 ? " feed." : " feeds.")
                            + (run.report().isPresent()
                                    ? " This process recorded its last result and closed it:"
                                    : " Other nodes still sync the rest; the node that records the last result reports the run."));
            run.report().ifPresent(report -> ReportPrinter.text(out, report, states(bokit), context.now()));
        }
        return run.report()
                .map(report -> report.errors() > 0 ? ExitCodes.FEEDS_FAILED : ExitCodes.OK)
                .orElse(ExitCodes.OK);
    }

    /** Each feed's fetch state after the run, for the report's lines about resting feeds. */
    private static Function<FeedResult, FetchState> states(Bokit bokit) {
        Map<FeedId, FetchState> states =
                bokit.feeds().feeds().stream().collect(Collectors.toMap(Feed::id, Feed::fetchState));
        return feed -> states.get(feed.feed());
    }

    private SyncScope scope(Bokit bokit) {
        Set<FeedId> ids = new LinkedHashSet<>();
        for (String id : feedIds) {
            ids.add(bokit.feeds().feed(FeedId.of(id.strip())).id());
        }
        Set<CalendarKey> known =
                bokit.feeds().calendars().stream().map(c -> c.key()).collect(Collectors.toSet());
        Set<CalendarKey> keys = new LinkedHashSet<>();
        for (String key : calendarKeys) {
            CalendarKey calendar = CalendarKey.of(key.strip());
            if (!known.contains(calendar)) {
                throw new InvalidInputException("Unknown calendar " + calendar);
            }
            keys.add(calendar);
        }
        return new SyncScope(ids, keys);
    }

    private int nothingToSync(PrintWriter out, String result, String... lines) {
        if (json) {
            out.println(Json.write(Json.object("result", result)));
        } else {
            for (String line : lines) {
                out.println(line);
            }
        }
        return ExitCodes.OK;
    }

    private int print(SyncResult result, Bokit bokit, PrintWriter out, PrintWriter err) {
        Instant now = context.now();
        if (result instanceof SyncResult.Completed completed) {
            SyncReport report = completed.report();
            Function<FeedResult, FetchState> state = states(bokit);
            Instant nextDue = null;
            if (ifDue) {
                SyncStatus status = bokit.status().status();
                nextDue = status.lastClaim() == null ? null : status.lastClaim().plus(status.interval());
            }
            if (json) {
                Map<String, Object> object = ReportPrinter.json(report, state);
                object.put("claimed", ifDue);
                object.put("nextDue", nextDue);
                out.println(Json.write(object));
            } else {
                ReportPrinter.text(out, report, state, now);
                if (ifDue) {
                    out.println("Claimed the interval, as a web request would"
                            + (nextDue == null
                                    ? "."
                                    : ": the next sync is due after " + Formats.instant(nextDue, now) + "."));
                }
            }
            return report.errors() > 0 ? ExitCodes.FEEDS_FAILED : ExitCodes.OK;
        }
        if (result instanceof SyncResult.Busy busy) {
            RunLease lease = busy.holder();
            if (json) {
                out.println(Json.write(Json.object(
                        "result",
                        "busy",
                        "lease",
                        lease == null
                                ? null
                                : Json.object(
                                        "owner", lease.owner(),
                                        "acquiredAt", lease.acquiredAt(),
                                        "expiresAt", lease.expiresAt()))));
            }
            err.println("bokit-cli: a sync is already running"
                    + (lease == null
                            ? ""
                            : " (" + lease.owner() + " holds the run lease until "
                                    + Formats.instant(lease.expiresAt(), now) + ")")
                    + "; nothing was done. Try again when it has finished.");
            return ExitCodes.BUSY;
        }
        SyncResult.NotDue notDue = (SyncResult.NotDue) result;
        if (json) {
            out.println(Json.write(Json.object("result", "not_due", "dueAfter", notDue.until())));
        } else if (notDue.until() == null) {
            out.println("Not due: another process has just claimed this interval; nothing was done."
                    + " bokit-cli sync (without --if-due) syncs now anyway.");
        } else {
            out.println("Not due: the next sync is due after " + Formats.instant(notDue.until(), now)
                    + "; nothing was done. bokit-cli sync (without --if-due) syncs now anyway.");
        }
        return ExitCodes.NOT_DUE;
    }
}
