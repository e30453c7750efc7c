package io.bokit.spring;

import io.bokit.core.application.Bokit;
import io.bokit.core.port.in.OptionValue;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.host.StatusView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code bokit} actuator endpoint: read the status and the last report (URLs masked), run a sync
 * now, or set an option such as {@code sync.interval}. Expose it like any endpoint
 * ({@code management.endpoints.web.exposure.include=health,bokit}); its write operations start syncs and
 * change options, so they are off until {@code management.endpoint.bokit.access=unrestricted} (secure it).
 */
@Endpoint(id = "bokit", defaultAccess = Access.READ_ONLY)
public class BokitEndpoint {
    private final Bokit bokit;

    /** An endpoint over an assembled bokit. */
    public BokitEndpoint(Bokit bokit) {
        this.bokit = bokit;
    }

    /** {@code GET /actuator/bokit}: the sync status, every feed's state and the last run's report. */
    @ReadOperation
    public Map<String, Object> status() {
        return StatusView.status(
                bokit.status().status(), bokit.health(), bokit.lastReport().orElse(null));
    }

    /**
     * {@code POST /actuator/bokit}: syncs every enabled feed now, ignoring the interval but never the run
     * lease, on the caller's thread.
     *
     * @return {@code result=completed} with the report, or {@code result=busy} with the lease holder
     */
    @WriteOperation
    public Map<String, Object> sync() {
        return StatusView.result(bokit.sync().sync(SyncCommand.forceAll()));
    }

    /**
     * {@code POST /actuator/bokit/{key}} with {@code {"value": "…"}}: validates and stores an option in the
     * database; the request hook re-reads options at once.
     *
     * @return the option as stored
     */
    @WriteOperation
    public Map<String, Object> option(@Selector String key, String value) {
        OptionValue stored = bokit.options().set(key, value);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", stored.key());
        out.put("value", stored.value());
        out.put("default", stored.isDefault());
        return out;
    }
}
