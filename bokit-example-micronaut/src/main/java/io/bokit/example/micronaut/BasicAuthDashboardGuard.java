package io.bokit.example.micronaut;

import io.bokit.host.dashboard.DashboardGuard;
import io.bokit.host.dashboard.DashboardRequest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * DEMO ONLY: guards bokit's operator page ({@code bokit.dashboard.enabled=true}) with HTTP Basic credentials from the
 * configuration, {@code example.dashboard.user} (default {@code host}) and {@code example.dashboard.password}; there is
 * no guard, so the page cannot be turned on, unless the password is set. The example has no security library: a real
 * application guards the page with micronaut-security (see docs/dashboard.md), and serves it over HTTPS only, since
 * Basic credentials travel with every request.
 */
@Singleton
@Requires(property = "example.dashboard.password")
final class BasicAuthDashboardGuard implements DashboardGuard {
    private static final Map<String, String> CHALLENGE =
            Map.of("WWW-Authenticate", "Basic realm=\"bokit\", charset=\"UTF-8\"");

    private final String user;
    private final byte[] expected;

    BasicAuthDashboardGuard(
            @Value("${example.dashboard.user:host}") String user,
            @Value("${example.dashboard.password}") String password) {
        if (password.isBlank()) {
            throw new IllegalArgumentException("example.dashboard.password is empty: set a password or remove it");
        }
        this.user = user;
        this.expected = ("Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Access check(DashboardRequest request) {
        String authorization = request.header("Authorization");
        // compared in constant time, so the answer's timing tells nothing of the password
        if (authorization != null
                && MessageDigest.isEqual(authorization.strip().getBytes(StandardCharsets.UTF_8), expected)) {
            return Access.allowed(user);
        }
        return Access.refused(401, CHALLENGE);
    }
}
