package io.bokit.host;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an adapter sends for an export request: a status, headers, and (for a {@code GET} that answers 200)
 * a body. A 404 carries nothing: the adapter answers it as it answers any unknown path. Immutable.
 */
public final class ExportResponse {
    private static final byte[] NONE = new byte[0];
    private static final ExportResponse NOT_FOUND = new ExportResponse(404, Map.of(), NONE);

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private ExportResponse(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static ExportResponse notFound() {
        return NOT_FOUND;
    }

    static ExportResponse of(int status, Map<String, String> headers, byte[] body) {
        return new ExportResponse(
                status,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
                Objects.requireNonNull(body));
    }

    /** The status: 200, 304, 404 or 503. */
    public int status() {
        return status;
    }

    /** Whether this is a 404, which the adapter answers like any other unknown path. */
    public boolean notFoundAnswer() {
        return status == 404;
    }

    /** The headers to set, by name, in a stable order; never null. */
    public Map<String, String> headers() {
        return headers;
    }

    /** How many bytes {@link #writeBody} writes: 0 for anything but a 200 to {@code GET}. */
    public int bodyLength() {
        return body.length;
    }

    /** A copy of the body (empty for anything but a 200 to {@code GET}). */
    public byte[] body() {
        return body.clone();
    }

    /** Writes the body, the cached bytes themselves without a copy. */
    public void writeBody(OutputStream out) throws IOException {
        out.write(body);
    }
}
