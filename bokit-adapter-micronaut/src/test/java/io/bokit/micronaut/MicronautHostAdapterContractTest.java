package io.bokit.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.core.port.in.ExportLinksUseCase;
import io.bokit.testkit.contract.HostAdapterContract;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The behaviour suite on Micronaut: the properties given as Micronaut reads them, a real Netty server
 * on 127.0.0.1, and the health, the endpoint and the option write over HTTP.
 */
class MicronautHostAdapterContractTest extends HostAdapterContract {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected RunningHost start(Map<String, String> properties, boolean withDataSource) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TestApp app = withDataSource ? TestApp.withDatabase() : TestApp.withoutDatabase();
        properties.forEach(app::with);
        ApplicationContext context = app.with("micronaut.server.host", "127.0.0.1")
                .with("micronaut.server.port", -1)
                .with("endpoints.bokit.sensitive", false)
                .with("endpoints.health.details-visible", "ANONYMOUS")
                .withBean(registry)
                .run();
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        JsonMapper json = context.getBean(JsonMapper.class);
        URI root = URI.create("http://127.0.0.1:" + server.getPort());
        return new RunningHost() {
            @Override
            public URI baseUri() {
                return root;
            }

            @Override
            public ExportLinksUseCase exportLinks() {
                return context.getBean(Bokit.class).exportLinks();
            }

            @Override
            public Health health() {
                Map<String, Object> health = read(send(get("/health")).body());
                Map<?, ?> bokit = (Map<?, ?>) ((Map<?, ?>) health.get("details")).get(BokitHealthIndicator.NAME);
                Map<?, ?> details = (Map<?, ?>) bokit.get("details");
                return new Health("UP".equals(bokit.get("status")), String.valueOf(details.get("reason")));
            }

            @Override
            public Map<String, Object> status() {
                return read(send(get("/bokit")).body());
            }

            @Override
            public Map<String, Object> syncNow() {
                return read(send(post("/bokit", "{}")).body());
            }

            @Override
            public Answer setOption(String key, String value) {
                HttpResponse<String> answer = send(post("/bokit/" + key, write(Map.of("value", value))));
                return new Answer(answer.statusCode(), answer.body());
            }

            @Override
            public double meter(String name, String... tags) {
                Counter counter = registry.find(name).tags(tags).counter();
                if (counter != null) {
                    return counter.count();
                }
                Timer timer = registry.find(name).tags(tags).timer();
                return timer == null ? 0 : timer.count();
            }

            @Override
            public void close() {
                server.close();
                context.close();
            }

            private HttpRequest.Builder get(String path) {
                return HttpRequest.newBuilder(server.getURI().resolve(path));
            }

            private HttpRequest.Builder post(String path, String body) {
                return get(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
            }

            private Map<String, Object> read(String body) {
                try {
                    return json.readValue(body, Argument.mapOf(String.class, Object.class));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private String write(Object value) {
                try {
                    return json.writeValueAsString(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
