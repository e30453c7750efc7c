package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.port.in.ExportLinksUseCase;
import io.bokit.testkit.LogCapture;
import io.bokit.testkit.contract.HostAdapterContract;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The behaviour suite on Spring Boot: a real application (every auto-configuration on the classpath,
 * embedded Tomcat on 127.0.0.1), the properties as a user writes them, the actuator's {@code bokit}
 * endpoint over HTTP, the {@code bokit} health indicator and a Micrometer registry. {@code
 * SpringWebFluxHostAdapterContractTest} runs it again as a WebFlux application on Netty.
 */
class SpringHostAdapterContractTest extends HostAdapterContract {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected RunningHost start(Map<String, String> properties, boolean withDataSource) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "server.address=127.0.0.1",
                "management.endpoints.web.exposure.include=health,bokit",
                "management.endpoint.bokit.access=unrestricted"));
        all.add(
                withDataSource
                        ? "spring.datasource.url=jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                        : "spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        properties.forEach((key, value) -> all.add(key + "=" + value));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ContractApp.class)
                .web(webApplicationType())
                .bannerMode(Banner.Mode.OFF)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("meterRegistry", new SimpleMeterRegistry()))
                .properties(all.toArray(String[]::new))
                .run();
        URI root = URI.create("http://127.0.0.1:"
                + ((WebServerApplicationContext) app).getWebServer().getPort());
        String base = root + "/actuator/bokit";
        return new RunningHost() {
            @Override
            public URI baseUri() {
                return root;
            }

            @Override
            public ExportLinksUseCase exportLinks() {
                return app.getBean(Bokit.class).exportLinks();
            }

            @Override
            public Health health() {
                org.springframework.boot.health.contributor.Health health =
                        app.getBean(BokitHealthIndicator.class).health();
                return new Health(
                        Status.UP.equals(health.getStatus()),
                        String.valueOf(health.getDetails().get("reason")));
            }

            @Override
            public Map<String, Object> status() {
                return json(send(HttpRequest.newBuilder(URI.create(base)).GET()));
            }

            @Override
            public Map<String, Object> syncNow() {
                return json(send(post(base, "{}")));
            }

            @Override
            public Answer setOption(String key, String value) {
                HttpResponse<String> answer =
                        send(post(base + "/" + key, JSON.writeValueAsString(Map.of("value", value))));
                return new Answer(answer.statusCode(), answer.body());
            }

            @Override
            public double meter(String name, String... tags) {
                MeterRegistry registry = app.getBean(MeterRegistry.class);
                Counter counter = registry.find(name).tags(tags).counter();
                if (counter != null) {
                    return counter.count();
                }
                Timer timer = registry.find(name).tags(tags).timer();
                return timer == null ? 0 : timer.count();
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }

    /** The kind of application the suite starts. */
    WebApplicationType webApplicationType() {
        return WebApplicationType.SERVLET;
    }

    @Test
    void aRefusedOptionIsABadRequestWithAnErrorBodyAndNothingLoggedAtError() throws Exception {
        RunningHost host = started(good());

        try (LogCapture logs = LogCapture.everyEventAtTrace()) {
            Answer badValue = host.setOption("sync.interval", "abc");
            Answer unknownKey = host.setOption("no.such.option", "1");

            assertThat(badValue.status()).isEqualTo(400);
            assertThat(JSON.readValue(badValue.body(), Map.class))
                    .containsOnlyKeys("error")
                    .extractingByKey("error")
                    .asString()
                    .contains("Invalid value \"abc\" for option sync.interval");
            assertThat(unknownKey.status()).isEqualTo(400);
            assertThat(JSON.readValue(unknownKey.body(), Map.class)).containsOnlyKeys("error");
            assertThat(logs.text().lines()).noneMatch(line -> line.startsWith("ERROR"));
        }
    }

    private static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readValue(answer.body(), Map.class);
    }

    /** A host application with nothing but Spring Boot's auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ContractApp {}
}
