package io.bokit.cli;

import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Prints a sync report: a line per feed in the spirit of the original, a summary, or the same as JSON. */
final class ReportPrinter {
    private ReportPrinter() {}

    /**
     * One line per feed and a summary.
     *
     * @param states each feed's fetch state after the run, to say until when a backed-off feed rests
     */
    static void text(PrintWriter out, SyncReport report, Function<FeedResult, FetchState> states, Instant now) {
        for (FeedResult feed : report.feeds()) {
            out.println(line(feed, states.apply(feed), now));
        }
        SyncCounters totals = report.totals();
        int count = report.feeds().size();
        out.println("Synced " + count + (count == 1 ? " feed" : " feeds") + " in "
                + String.format(Locale.ROOT, "%.1f s", report.duration().toMillis() / 1000.0)
                + ": " + counters(totals)
                + (report.errors() == 0 ? "; no errors" : "; " + report.errors() + " failed"));
        for (DoubleBooking record : report.doubleBookingsOpened()) {
            out.println("! Double booking " + OverlapsCommand.describe(record));
        }
        if (report.openDoubleBookings() > 0) {
            out.println(report.openDoubleBookings()
                    + (report.openDoubleBookings() == 1 ? " double booking is" : " double bookings are")
                    + " open: see bokit-cli overlaps list");
        }
    }

    private static String line(FeedResult feed, FetchState state, Instant now) {
        return switch (feed.outcome()) {
            case SYNCED -> (feed.note() == null ? "✓ " : "! ") + feed.feedName() + ": " + counters(feed.counters())
                    + skipped(feed) + (feed.note() == null ? "" : "; " + feed.note());
            case NOT_MODIFIED -> "✓ " + feed.feedName() + ": not modified since the last sync (total "
                    + feed.counters().total() + ")";
            case BACKED_OFF -> "- " + feed.feedName() + ": not fetched, resting after "
                    + (state == null ? "earlier failures" : state.consecutiveFailures() + " failure(s)")
                    + (state == null || state.backoffUntil() == null
                            ? ""
                            : " until " + Formats.instant(state.backoffUntil(), now))
                    + (state == null || state.lastError() == null ? "" : " (last error: " + state.lastError() + ")")
                    + "; fetch it now with --feed " + feed.feed() + " or --retry-failed";
            case FAILED -> "✗ " + feed.feedName() + ": " + feed.error();
        };
    }

    /** {@code  (skipped: no DTSTART (UID x); duplicate UID y)}, with {@code …} when there were more, or nothing. */
    private static String skipped(FeedResult feed) {
        if (feed.skippedReasons().isEmpty()) {
            return "";
        }
        return " (skipped: " + Formats.skippedReasons(feed.counters().skipped(), feed.skippedReasons()) + ")";
    }

    /** {@code total n, created n, updated n, unchanged n, deleted n, vanished n}, then skipped and conflicts if any. */
    static String counters(SyncCounters c) {
        return "total " + c.total() + ", created " + c.created() + ", updated " + c.updated() + ", unchanged "
                + c.unchanged() + ", deleted " + c.deleted() + ", vanished " + c.vanished()
                + (c.skipped() > 0 ? ", skipped " + c.skipped() : "")
                + (c.conflicts() > 0 ? ", conflicts " + c.conflicts() : "");
    }

    /** The report as a JSON object (see docs/cli.md). */
    static Map<String, Object> json(SyncReport report, Function<FeedResult, FetchState> states) {
        List<Map<String, Object>> feeds = report.feeds().stream()
                .map(feed -> {
                    FetchState state = states.apply(feed);
                    return Json.object(
                            "id", feed.feed().value(),
                            "name", feed.feedName(),
                            "outcome", feed.outcome().name().toLowerCase(Locale.ROOT),
                            "counters", countersJson(feed.counters()),
                            "error", feed.error(),
                            "note", feed.note(),
                            "held", feed.held(),
                            "skippedReasons", feed.skippedReasons(),
                            "backoffUntil", state == null ? null : state.backoffUntil());
                })
                .toList();
        return Json.object(
                "result", "completed",
                "startedAt", report.startedAt(),
                "finishedAt", report.finishedAt(),
                "durationMillis", report.duration().toMillis(),
                "feeds", feeds,
                "totals", countersJson(report.totals()),
                "errors", report.errors(),
                "openDoubleBookings", report.openDoubleBookings(),
                "doubleBookingsOpened",
                        report.doubleBookingsOpened().stream()
                                .map(OverlapsCommand::json)
                                .toList());
    }

    static Map<String, Object> countersJson(SyncCounters c) {
        return Json.object(
                "total", c.total(),
                "created", c.created(),
                "updated", c.updated(),
                "unchanged", c.unchanged(),
                "deleted", c.deleted(),
                "vanished", c.vanished(),
                "skipped", c.skipped(),
                "conflicts", c.conflicts());
    }
}
