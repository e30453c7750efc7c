package io.bokit.host.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an adapter sends back for a request to the operator's page: a status, headers (content type, caching,
 * content security policy, {@code Location} of a redirect) and a UTF-8 body. Immutable.
 *
 * @param status the status code: 200, 303, 400, 401, 403, 404 or 405
 * @param headers the headers by name, in a stable order, never null
 * @param body the body (an HTML page, empty for a redirect), never null
 */
public record DashboardResponse(int status, Map<String, String> headers, String body) {
    public DashboardResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        Objects.requireNonNull(body, "body");
    }

    /** The body as UTF-8 bytes. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
