package io.bokit.host.dashboard;

import java.util.Map;
import java.util.Objects;

/**
 * Decides who may see the operator's page and use its buttons; {@code bokit.dashboard.enabled=true} refuses to start
 * without one. The Spring adapter brings one over Spring Security (an authenticated user with the role {@code
 * bokit.dashboard.role}); elsewhere the application declares its own (a bean in Spring and Micronaut, the builder's
 * {@code dashboardGuard} in a plain host). Called on every request to the page, GET and POST, before anything is read;
 * it must be thread-safe and must not block on the network.
 */
@FunctionalInterface
public interface DashboardGuard {

    /**
     * Whether this request may see the page.
     *
     * @param request the request, with the principal the framework's security found (or null)
     * @return allowed (with the operator's name) or refused (with the status to answer); never null
     */
    Access check(DashboardRequest request);

    /**
     * A guard that lets every request in: only for a page that something else already protects (the framework's own
     * security rules for the path, or a reverse proxy that authenticates), said explicitly.
     */
    static DashboardGuard protectedElsewhere() {
        return request -> Access.allowed(
                request.principal() == null ? null : request.principal().getName());
    }

    /** What a guard decided. */
    sealed interface Access permits Allowed, Refused {
        /** Lets the request in, as this operator (null when unknown), with no form fields of its own. */
        static Access allowed(String operator) {
            return new Allowed(operator, Map.of());
        }

        /** Refuses the request: 401 (who are you?) or 403 (not you), with headers such as {@code WWW-Authenticate}. */
        static Access refused(int status, Map<String, String> headers) {
            return new Refused(status, headers);
        }
    }

    /**
     * The request may see the page.
     *
     * @param operator the operator's name, shown on the page and bound into the CSRF token; null when unknown
     * @param formFields hidden fields added to every form of the page, such as the framework's own CSRF token
     *     ({@code _csrf} under Spring Security); never null
     */
    record Allowed(String operator, Map<String, String> formFields) implements Access {
        public Allowed {
            formFields = Map.copyOf(Objects.requireNonNull(formFields, "formFields"));
        }
    }

    /**
     * The request may not see the page.
     *
     * @param status 401 or 403
     * @param headers headers to send, such as {@code WWW-Authenticate}; never null
     */
    record Refused(int status, Map<String, String> headers) implements Access {
        public Refused {
            if (status != 401 && status != 403) {
                throw new IllegalArgumentException("A refusal is 401 or 403, not " + status);
            }
            headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        }
    }
}
