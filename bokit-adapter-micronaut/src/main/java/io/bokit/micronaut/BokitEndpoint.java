package io.bokit.micronaut;

import io.bokit.core.domain.InvalidOptionException;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitManagement;
import io.bokit.host.BokitSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpResponse;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.annotation.Write;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * The {@code bokit} management endpoint over {@link BokitManagement}: {@code GET /bokit} shows the
 * status, {@code POST /bokit} runs a sync now and {@code POST /bokit/{key}} with
 * {@code {"value": "…"}} sets an option. Sensitive by default, like every endpoint that acts; every
 * operation runs on Micronaut's blocking executor.
 */
@Endpoint(id = BokitEndpoint.ID, defaultSensitive = true)
@Requires(property = BokitSettings.ENABLED, notEquals = StringUtils.FALSE)
public final class BokitEndpoint {
    /** The endpoint's id, and its path under the management prefix. */
    public static final String ID = "bokit";

    private final BokitManagement management;

    BokitEndpoint(BokitHost host) {
        this.management = host.management();
    }

    /** The status: install gate, interval, last claim, decision, lease, feeds, health and last report (URLs masked). */
    @Read
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Map<String, Object> status() {
        return management.status();
    }

    /** Syncs every enabled feed now, ignoring the interval but never the run lease: {@code completed} or {@code busy}. */
    @Write
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Map<String, Object> sync() {
        return management.sync();
    }

    /**
     * Validates and stores an option; 400 with the option's message for an unknown key or a bad value.
     *
     * @return the option as stored: {@code key}, {@code value}, {@code default}
     */
    @Write
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, Object>> option(@Selector String key, @Nullable String value) {
        try {
            return HttpResponse.ok(management.setOption(key, value));
        } catch (InvalidOptionException e) {
            return HttpResponse.badRequest(Map.of("key", key, "message", e.getMessage()));
        }
    }
}
