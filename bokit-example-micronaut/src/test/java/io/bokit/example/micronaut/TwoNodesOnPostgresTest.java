package io.bokit.example.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.port.in.SyncStatus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
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

/**
 * docs/micronaut.md's two-node run: the app started twice, on two ports, with the guide's command-line
 * arguments for one PostgreSQL database. A page view on one node syncs; the other shows the same bookings and
 * the same claim.
 */
class TwoNodesOnPostgresTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void twoNodesOnOnePostgresShareTheClaimAndTheBookings() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            int first = freePort();
            int second = freePort();
            try (ApplicationContext one = node(first, url);
                    ApplicationContext two = node(second, url)) {
                // (on PostgreSQL, not the example's default H2, which two nodes in one JVM would share too)
                try (Connection connection = one.getBean(DataSource.class).getConnection()) {
                    assertThat(connection.getMetaData().getDatabaseProductName())
                            .isEqualTo("PostgreSQL");
                }
                // when a page of the second node is viewed
                assertThat(page(second)).doesNotContain("Anna Schmidt");

                // then the first node shows what that sync stored
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                String shown = page(first);
                while (!shown.contains("Anna Schmidt") && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100); // polling the page, bounded by the deadline
                    shown = page(first);
                }
                assertThat(shown).contains("Anna Schmidt", "Garden Studio", "Sea View Apartment");
                // and both nodes read the one claim from the database
                SyncStatus seenByOne = one.getBean(Bokit.class).status().status();
                SyncStatus seenByTwo = two.getBean(Bokit.class).status().status();
                assertThat(seenByOne.lastClaim()).isNotNull().isEqualTo(seenByTwo.lastClaim());
            }
        }
    }

    /** One node, started as the guide says (`java -jar … -micronaut.server.port=… -datasources.default.url=…`). */
    private static ApplicationContext node(int port, String url) {
        return Micronaut.build(
                        "-micronaut.server.port=" + port,
                        "-datasources.default.url=" + url,
                        "-datasources.default.driver-class-name=org.postgresql.Driver",
                        "-datasources.default.username=postgres",
                        "-datasources.default.password=postgres",
                        "-bokit.schema.initialize=always")
                .mainClass(Application.class)
                .banner(false)
                .start();
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
