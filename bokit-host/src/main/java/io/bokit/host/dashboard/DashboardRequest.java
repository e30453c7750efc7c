package io.bokit.host.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One request to the operator's page, as an adapter hands it over.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the path without the context path, such as {@code /bokit/feeds/airbnb/disable}
 * @param contextPath the application's context path ({@code ""} at the root), put before every link of the page
 * @param query the decoded query parameters, never null
 * @param form the decoded form fields of a {@code POST} ({@code application/x-www-form-urlencoded}), never null
 * @param principal who the framework's security says is asking, or null
 * @param headers the request's headers by name (the first value; null when absent), for a guard that reads one
 * @param attributes the framework's request attributes by name (a guard may read them), never null
 */
public record DashboardRequest(
        String method,
        String path,
        String contextPath,
        Map<String, String> query,
        Map<String, String> form,
        Principal principal,
        Function<String, String> headers,
        Function<String, Object> attributes) {
    public DashboardRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        contextPath = contextPath == null ? "" : contextPath;
        query = query == null ? Map.of() : Map.copyOf(query);
        form = form == null ? Map.of() : Map.copyOf(form);
        headers = headers == null ? name -> null : headers;
        attributes = attributes == null ? name -> null : attributes;
    }

    /** A request header's first value, or null. */
    public String header(String name) {
        return headers.apply(name);
    }

    /** A request attribute, or null. */
    public Object attribute(String name) {
        return attributes.apply(name);
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body or query, for adapters that hold the raw text;
     * the first value of a repeated name wins.
     *
     * @param encoded the text, may be null or empty
     * @return the decoded fields, never null
     */
    public static Map<String, String> decodeForm(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the field is dropped, as a missing one
            }
        }
        return fields;
    }
}
