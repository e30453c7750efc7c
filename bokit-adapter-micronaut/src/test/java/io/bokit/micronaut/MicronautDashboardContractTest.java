package io.bokit.micronaut;

import io.bokit.host.dashboard.DashboardGuard;
import io.bokit.testkit.contract.DashboardContract;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * The page's behaviour suite on Micronaut: a real Netty server on 127.0.0.1, the {@code bokit} management endpoint at
 * its default path {@code /bokit} (the page's too), and a test guard bean reading a header.
 */
class MicronautDashboardContractTest extends DashboardContract {
    @Override
    protected RunningPage start(Map<String, String> properties, boolean guarded) {
        TestApp app = TestApp.withDatabase();
        properties.forEach(app::with);
        if (guarded) {
            DashboardGuard guard = request -> "ada".equals(request.header("X-Operator"))
                    ? DashboardGuard.Access.allowed("ada")
                    : DashboardGuard.Access.refused(401, Map.of());
            app.withBean(guard);
        }
        ApplicationContext context = app.with("micronaut.server.host", "127.0.0.1")
                .with("micronaut.server.port", -1)
                .run();
        EmbeddedServer server;
        try {
            server = context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        URI root = URI.create("http://127.0.0.1:" + server.getPort());
        return new RunningPage() {
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
                context.close();
            }
        };
    }
}
