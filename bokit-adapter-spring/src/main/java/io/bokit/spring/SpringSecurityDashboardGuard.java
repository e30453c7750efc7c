package io.bokit.spring;

import io.bokit.host.dashboard.DashboardGuard;
import io.bokit.host.dashboard.DashboardRequest;
import java.security.Principal;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The page's guard under Spring Security: an authenticated (not anonymous) user with the authority {@code
 * ROLE_<bokit.dashboard.role>} may see it, anyone else gets 401 (not signed in) or 403 (signed in without the role).
 * Spring Security's own CSRF token of the request, when there is one, goes into every form of the page, so its
 * {@code CsrfFilter} lets the buttons through beside bokit's own token.
 */
final class SpringSecurityDashboardGuard implements DashboardGuard {
    /** The class whose presence turns this guard on. */
    static final String AUTHENTICATION = "org.springframework.security.core.Authentication";
    /** The request attribute of Spring Security's servlet CSRF token. */
    static final String SERVLET_CSRF = "org.springframework.security.web.csrf.CsrfToken";
    /** The exchange attribute of Spring Security's WebFlux CSRF token (a {@code Mono}, resolved by the filter). */
    static final String REACTIVE_CSRF = "org.springframework.security.web.server.csrf.CsrfToken";

    private final String authority;

    SpringSecurityDashboardGuard(String role) {
        this.authority = "ROLE_" + role;
    }

    @Override
    public Access check(DashboardRequest request) {
        Principal principal = request.principal();
        if (!(principal instanceof Authentication authentication)
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Access.refused(401, Map.of());
        }
        boolean hasRole = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority::equals);
        if (!hasRole) {
            return Access.refused(403, Map.of());
        }
        return new Allowed(authentication.getName(), csrfFields(request));
    }

    private static Map<String, String> csrfFields(DashboardRequest request) {
        Object servlet = request.attribute(SERVLET_CSRF);
        if (servlet instanceof org.springframework.security.web.csrf.CsrfToken token) {
            return Map.of(token.getParameterName(), token.getToken());
        }
        Object reactive = request.attribute(REACTIVE_CSRF);
        if (reactive instanceof org.springframework.security.web.server.csrf.CsrfToken token) {
            return Map.of(token.getParameterName(), token.getToken());
        }
        return Map.of();
    }
}
