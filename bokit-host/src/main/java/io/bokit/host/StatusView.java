package io.bokit.host;

import io.bokit.core.application.SyncHealth;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.Overlap;
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
import java.util.List;
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
        out.put("health", health(health));
        out.put("openDoubleBookings", health.openDoubleBookings());
        out.put("feeds", status.feeds().stream().map(StatusView::feed).toList());
        out.put("lastReport", lastReport == null ? null : report(lastReport));
        return out;
    }

    /**
     * A health as {@code up} (true when up or degraded), {@code status} ({@code UP}, {@code DEGRADED} or
     * {@code DOWN}), {@code reason} and {@code openDoubleBookings}.
     */
    public static Map<String, Object> health(SyncHealth health) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("up", health.up());
        out.put("status", health.status().name());
        out.put("reason", Secrets.mask(health.reason()));
        out.put("openDoubleBookings", health.openDoubleBookings());
        return out;
    }

    /**
     * One double-booking record: calendar, both bookings ({@code feed}, {@code uid}, {@code recurrenceId}), the
     * nights shared ({@code from}, {@code to} exclusive, {@code nights}), {@code foundAt} and {@code closedAt} (null
     * while open).
     */
    public static Map<String, Object> doubleBooking(DoubleBooking record) {
        Overlap overlap = record.overlap();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("calendar", overlap.calendar().value());
        out.put("first", ref(overlap.first()));
        out.put("second", ref(overlap.second()));
        out.put("from", overlap.from().toString());
        out.put("to", overlap.to().toString());
        out.put("nights", overlap.nights());
        out.put("foundAt", text(record.foundAt()));
        out.put("closedAt", text(record.closedAt()));
        out.put("open", record.open());
        return out;
    }

    private static Map<String, Object> ref(BookingRef ref) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feed", ref.feed().value());
        out.put("uid", Secrets.mask(ref.key().uid()));
        out.put("recurrenceId", ref.key().recurrenceId());
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

    /** One run's report: times, totals, errors, every feed's result, the open double bookings and those it opened. */
    public static Map<String, Object> report(SyncReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("startedAt", text(report.startedAt()));
        out.put("finishedAt", text(report.finishedAt()));
        out.put("durationMillis", report.duration().toMillis());
        out.put("totals", counters(report.totals()));
        out.put("errors", report.errors());
        out.put("feeds", report.feeds().stream().map(StatusView::feedResult).toList());
        out.put("openDoubleBookings", report.openDoubleBookings());
        out.put(
                "doubleBookingsOpened",
                report.doubleBookingsOpened().stream()
                        .map(StatusView::doubleBooking)
                        .toList());
        return out;
    }

    private static Map<String, Object> feedResult(FeedResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feed", result.feed().value());
        out.put("name", result.feedName());
        out.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        out.put("counters", counters(result.counters()));
        out.put("error", Secrets.mask(result.error()));
        out.put("note", Secrets.mask(result.note()));
        out.put("skippedReasons", masked(result.skippedReasons()));
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
        out.put("skipped", state.skipped());
        out.put("skippedReasons", masked(state.skippedReasons()));
        return out;
    }

    private static List<String> masked(List<String> texts) {
        return texts.stream().map(Secrets::mask).toList();
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
