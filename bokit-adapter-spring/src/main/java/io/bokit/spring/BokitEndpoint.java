package io.bokit.spring;

import io.bokit.core.domain.InvalidOptionException;
import io.bokit.core.domain.Secrets;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitManagement;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code bokit} actuator endpoint over {@link BokitHost#management()}: read the status and the last
 * report (URLs masked), run a sync now, or set an option such as {@code sync.interval}. Expose it like
 * any endpoint ({@code management.endpoints.web.exposure.include=health,bokit}); its write operations
 * start syncs and change options, so they are off until {@code management.endpoint.bokit.access=unrestricted}
 * (secure it).
 */
@Endpoint(id = "bokit", defaultAccess = Access.READ_ONLY)
public class BokitEndpoint {
    private final BokitManagement management;

    /** An endpoint over a bokit host. */
    public BokitEndpoint(BokitHost host) {
        this.management = host.management();
    }

    /** {@code GET /actuator/bokit}: the sync status, every feed's state, the health and the last run's report. */
    @ReadOperation
    public Map<String, Object> status() {
        return management.status();
    }

    /**
     * {@code POST /actuator/bokit}: syncs every enabled feed now, ignoring the interval but never the run
     * lease, on the caller's thread.
     *
     * @return {@code result=completed} with the report, or {@code result=busy} with the lease holder
     */
    @WriteOperation
    public Map<String, Object> sync() {
        return management.sync();
    }

    /**
     * {@code POST /actuator/bokit/{key}} with {@code {"value": "…"}}: validates and stores an option in the
     * database; the request hook re-reads options at once.
     *
     * @return 200 with the option as stored ({@code key}, {@code value}, {@code default}), or 400 with
     *     {@code {"error": "…"}} for an unknown key, a bad value or no value
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> option(@Selector String key, @Nullable String value) {
        try {
            return new WebEndpointResponse<>(management.setOption(key, value));
        } catch (InvalidOptionException e) {
            return new WebEndpointResponse<>(
                    Map.of("error", Secrets.mask(e.getMessage())), WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }
}
