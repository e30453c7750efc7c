package io.bokit.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.host.StatusView;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Write;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * The {@code bokit} management endpoint: {@code GET /bokit} shows the status, the health and the
 * last report (feed URLs masked); {@code POST /bokit} runs a sync of every enabled feed now,
 * ignoring the interval but never the run lease. Sensitive by default, like every endpoint that acts.
 */
@Endpoint(id = BokitEndpoint.ID, defaultSensitive = true)
@Requires(property = BokitConfiguration.PREFIX + ".enabled", notEquals = StringUtils.FALSE)
public final class BokitEndpoint {
    /** The endpoint's id, and its path under the management prefix. */
    public static final String ID = "bokit";

    private final Bokit bokit;

    BokitEndpoint(Bokit bokit) {
        this.bokit = bokit;
    }

    /**
     * The status: install gate, interval, last claim, decision, lease, feeds, health and last report.
     *
     * @return a JSON-ready map; no full feed URL appears in it
     */
    @Read
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Map<String, Object> status() {
        return StatusView.status(
                bokit.status().status(), bokit.health(), bokit.lastReport().orElse(null));
    }

    /**
     * Runs a sync now, on the request's blocking thread, and answers when it is over.
     *
     * @return {@code result}: {@code completed} with the report, or {@code busy} with the lease holder
     */
    @Write
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Map<String, Object> sync() {
        return StatusView.result(bokit.sync().sync(SyncCommand.forceAll()));
    }
}
