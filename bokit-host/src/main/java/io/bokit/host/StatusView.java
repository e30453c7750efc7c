package io.bokit.host;

import io.bokit.core.application.SyncHealth;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.Secrets;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncDecision;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.FeedStatus;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.in.SyncStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Status, reports and sync results as plain, JSON-ready maps with a stable shape, for the
 * adapters' management endpoints; every free text passes {@link Secrets#mask}, and lease tokens
 * are never shown.
 */
public final class StatusView {
    private StatusView() {}

    /**
     * The status with the health and the last report.
     *
     * @param lastReport the last run's report, or null
     * @return a new map, never null
     */
    public static Map<String, Object> status(SyncStatus status, SyncHealth health, SyncReport lastReport) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("installComplete", status.installComplete());
        out.put(
                "intervalSeconds",
                status.interval() == null ? null : status.interval().toSeconds());
        out.put("lastClaim", text(status.lastClaim()));
        out.put("decision", decision(status.decision()));
        out.put("lease", lease(status.lease()));
        out.put("problem", Secrets.mask(status.problem()));
        out.put("health", Map.of("up", health.up(), "reason", Secrets.mask(health.reason())));
        out.put("feeds", status.feeds().stream().map(StatusView::feed).toList());
        out.put("lastReport", lastReport == null ? null : report(lastReport));
        return out;
    }

    /** A sync's result: {@code completed} with its report, {@code busy} with the lease holder, or {@code not-due}. */
    public static Map<String, Object> result(SyncResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (result instanceof SyncResult.Completed completed) {
            out.put("result", "completed");
            out.put("report", report(completed.report()));
        } else if (result instanceof SyncResult.Busy busy) {
            out.put("result", "busy");
            out.put("lease", lease(busy.holder()));
        } else if (result instanceof SyncResult.NotDue notDue) {
            out.put("result", "not-due");
            out.put("until", text(notDue.until()));
        }
        return out;
    }

    /** One run's report: times, totals, errors and every feed's result. */
    public static Map<String, Object> report(SyncReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("startedAt", text(report.startedAt()));
        out.put("finishedAt", text(report.finishedAt()));
        out.put("durationMillis", report.duration().toMillis());
        out.put("totals", counters(report.totals()));
        out.put("errors", report.errors());
        out.put("feeds", report.feeds().stream().map(StatusView::feedResult).toList());
        return out;
    }

    private static Map<String, Object> feedResult(FeedResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feed", result.feed().value());
        out.put("name", result.feedName());
        out.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        out.put("counters", counters(result.counters()));
        out.put("error", Secrets.mask(result.error()));
        return out;
    }

    private static Map<String, Object> feed(FeedStatus feed) {
        FetchState state = feed.state();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", feed.id().value());
        out.put("name", feed.name());
        out.put("calendar", feed.calendar().value());
        out.put("url", Secrets.mask(feed.maskedUrl()));
        out.put("enabled", feed.enabled());
        out.put("lastAttempt", text(state.lastAttempt()));
        out.put("lastSuccess", text(state.lastSuccess()));
        out.put("lastError", Secrets.mask(state.lastError()));
        out.put("consecutiveFailures", state.consecutiveFailures());
        out.put("backoffUntil", text(state.backoffUntil()));
        return out;
    }

    private static Map<String, Object> counters(SyncCounters counters) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", counters.total());
        out.put("created", counters.created());
        out.put("updated", counters.updated());
        out.put("unchanged", counters.unchanged());
        out.put("deleted", counters.deleted());
        out.put("vanished", counters.vanished());
        out.put("skipped", counters.skipped());
        out.put("conflicts", counters.conflicts());
        return out;
    }

    private static Map<String, Object> lease(RunLease lease) {
        if (lease == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("owner", lease.owner());
        out.put("acquiredAt", text(lease.acquiredAt()));
        out.put("expiresAt", text(lease.expiresAt()));
        return out;
    }

    private static String decision(SyncDecision decision) {
        if (decision instanceof SyncDecision.Due) {
            return "due";
        }
        if (decision instanceof SyncDecision.NotDue notDue) {
            return "not due until " + notDue.until();
        }
        if (decision instanceof SyncDecision.Disabled disabled) {
            return "disabled: " + disabled.reason();
        }
        return String.valueOf(decision);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
