package io.bokit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.port.in.SyncStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/spring.md's two-node run: the example started twice, on two ports, with the guide's arguments for one
 * PostgreSQL database. A page view on one node syncs; the other node shows the same bookings and the same claim.
 */
class TwoNodesOnPostgresTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void twoNodesOnOnePostgresShareTheClaimAndTheBookings() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            int first = freePort();
            int second = freePort();
            try (ConfigurableApplicationContext one = node(first, url);
                    ConfigurableApplicationContext two = node(second, url)) {
                // (on PostgreSQL, not the example's default H2, which two nodes in one JVM would share too)
                try (Connection connection = one.getBean(DataSource.class).getConnection()) {
                    assertThat(connection.getMetaData().getDatabaseProductName())
                            .isEqualTo("PostgreSQL");
                }
                // when a page of the second node is viewed
                assertThat(page(second)).contains("Bookings (0)");

                // then the first node shows what that sync stored
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                String shown = page(first);
                while (!shown.contains("Bookings (5)") && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100); // polling the page, bounded by the deadline
                    shown = page(first);
                }
                assertThat(shown).contains("Bookings (5)", "Maria Silva");
                // and both nodes read the one claim from the database
                SyncStatus seenByOne = one.getBean(Bokit.class).status().status();
                SyncStatus seenByTwo = two.getBean(Bokit.class).status().status();
                assertThat(seenByOne.lastClaim()).isNotNull().isEqualTo(seenByTwo.lastClaim());
            }
        }
    }

    /** One node, started as the guide says (`java -jar … --server.port=… --spring.datasource.url=…`). */
    private static ConfigurableApplicationContext node(int port, String url) {
        return SpringApplication.run(
                ExampleApplication.class,
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--bokit.schema.initialize=always",
                "--spring.main.banner-mode=off");
    }

    private String page(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
