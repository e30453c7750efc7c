package io.bokit.spring;

import io.bokit.host.dashboard.DashboardGuard;
import io.bokit.testkit.contract.DashboardContract;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The page's behaviour suite on Spring Boot, in a servlet application (Tomcat) and in a WebFlux one (Netty), each on
 * 127.0.0.1 with a test guard bean; Spring Security is hidden from the application, so the unguarded case has no
 * guard at all.
 */
class SpringDashboardContractTest {
    /** The test's guard: the header {@code X-Operator: ada} signs in. */
    static final DashboardGuard HEADER_GUARD = request -> "ada".equals(request.header("X-Operator"))
            ? DashboardGuard.Access.allowed("ada")
            : DashboardGuard.Access.refused(401, Map.of());

    static DashboardContract.RunningPage start(
            WebApplicationType type, Map<String, String> properties, boolean guarded) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "server.address=127.0.0.1",
                "spring.datasource.url=jdbc:h2:mem:page-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        properties.forEach((key, value) -> all.add(key + "=" + value));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(guarded ? GuardedApp.class : PageApp.class)
                .web(type)
                .bannerMode(Banner.Mode.OFF)
                .resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security")))
                .properties(all.toArray(String[]::new));
        ConfigurableApplicationContext app = builder.run();
        URI root = URI.create("http://127.0.0.1:"
                + ((WebServerApplicationContext) app).getWebServer().getPort());
        return new DashboardContract.RunningPage() {
            @Override
            public URI root() {
                return root;
            }

            @Override
            public HttpRequest.Builder signIn(HttpRequest.Builder request) {
                return request.header("X-Operator", "ada");
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }

    @Nested
    class OnServlet extends DashboardContract {
        @Override
        protected RunningPage start(Map<String, String> properties, boolean guarded) {
            return SpringDashboardContractTest.start(WebApplicationType.SERVLET, properties, guarded);
        }
    }

    @Nested
    class OnWebFlux extends DashboardContract {
        @Override
        protected RunningPage start(Map<String, String> properties, boolean guarded) {
            return SpringDashboardContractTest.start(WebApplicationType.REACTIVE, properties, guarded);
        }
    }

    /** A host application with nothing but Spring Boot's auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class PageApp {}

    /** The same with the test guard. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class GuardedApp {
        @org.springframework.context.annotation.Bean
        DashboardGuard testGuard() {
            return HEADER_GUARD;
        }
    }
}
