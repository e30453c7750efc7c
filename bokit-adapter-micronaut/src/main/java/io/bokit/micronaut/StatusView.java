package io.bokit.micronaut;

import io.bokit.core.application.SyncHealth;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.Secrets;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncDecision;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.FeedStatus;
import io.bokit.core.port.in.SyncStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns status and reports into JSON-ready maps; every free text passes {@link Secrets#mask}. */
final class StatusView {
    private StatusView() {}

    static Map<String, Object> of(SyncStatus status, SyncHealth health, SyncReport lastReport) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("installComplete", status.installComplete());
        out.put(
                "intervalSeconds",
                status.interval() == null ? null : status.interval().toSeconds());
        out.put("lastClaim", text(status.lastClaim()));
        out.put("decision", decision(status.decision()));
        out.put("lease", status.lease() == null ? null : lease(status.lease()));
        out.put("problem", Secrets.mask(status.problem()));
        out.put("health", Map.of("up", health.up(), "reason", Secrets.mask(health.reason())));
        out.put("feeds", status.feeds().stream().map(StatusView::feed).toList());
        out.put("lastReport", lastReport == null ? null : report(lastReport));
        return out;
    }

    static Map<String, Object> report(SyncReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("startedAt", text(report.startedAt()));
        out.put("finishedAt", text(report.finishedAt()));
        out.put("durationMillis", report.duration().toMillis());
        out.put("totals", counters(report.totals()));
        out.put("errors", report.errors());
        out.put("feeds", report.feeds().stream().map(StatusView::result).toList());
        return out;
    }

    static Map<String, Object> lease(RunLease lease) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("owner", lease.owner());
        out.put("acquiredAt", text(lease.acquiredAt()));
        out.put("expiresAt", text(lease.expiresAt()));
        return out;
    }

    static Map<String, Object> counters(SyncCounters c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", c.total());
        out.put("created", c.created());
        out.put("updated", c.updated());
        out.put("unchanged", c.unchanged());
        out.put("deleted", c.deleted());
        out.put("vanished", c.vanished());
        out.put("skipped", c.skipped());
        out.put("conflicts", c.conflicts());
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

    private static Map<String, Object> result(FeedResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feed", result.feed().value());
        out.put("name", result.feedName());
        out.put("outcome", result.outcome().name());
        out.put("counters", counters(result.counters()));
        out.put("error", Secrets.mask(result.error()));
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
            return "disabled: " + Secrets.mask(disabled.reason());
        }
        return String.valueOf(decision);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
