package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    private static final String SECRET = "S3CRET";

    @TempDir
    Path home;

    @Test
    void aFeedTokenNeverAppearsInAnyOutputUnlessAskedFor() {
        Cli cli = new Cli(home);
        try (LocalFeedServer server = LocalFeedServer.start()) {
            LocalDate soon = LocalDate.now().plusDays(3);
            server.serve(
                    "/ok.ics",
                    ICalFeedBuilder.airbnb()
                            .reserved("R1", soon, soon.plusDays(2))
                            .build());
            server.fail("/down.ics", 500);
            String ok = server.url("/ok.ics").reveal() + "?token=" + SECRET;
            String down = server.url("/down.ics").reveal() + "?token=" + SECRET;

            cli.run("install");
            cli.run("calendars", "add", "seaview");
            cli.run("feeds", "add", "--calendar", "seaview", "--id", "ok", ok);
            cli.run("feeds", "add", "--calendar", "seaview", "--id", "down", down);
            cli.run("feeds", "add", "--calendar", "seaview", "htp://example.com/x.ics?token=" + SECRET);
            cli.run("feeds", "add", "--calendar", "seaview", "--id", "ok", ok);
            cli.run("feeds", "list");
            cli.run("feeds", "list", "--json");
            assertThat(cli.run("sync", "--allow-private").code()).isEqualTo(3);
            cli.run("sync", "--allow-private", "--force", "--json");
            cli.run("sync", "--force", "--feed", "ok");
            cli.run("status");
            cli.run("status", "--json");
            cli.run("bookings", "list");
            cli.run("bookings", "list", "--json");
            cli.run("history");
            cli.run("history", "--json");
            cli.run("--db", "jdbc:postgresql://127.0.0.1:1/bokit?password=" + SECRET, "status");

            assertThat(cli.everythingPrinted()).contains("?…").doesNotContain(SECRET);

            assertThat(cli.run("feeds", "list", "--show-secrets").out()).contains(ok, down);
        }
    }

    @Test
    void aUrlTypedWithoutItsSchemeIsRefusedAsAMissingFileWithItsTokenMasked() {
        Cli cli = new Cli(home);
        cli.run("calendars", "add", "seaview");

        Cli.Result result =
                cli.run("feeds", "add", "--calendar", "seaview", "www.airbnb.com/calendar/ical/1.ics?s=" + SECRET);

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("No such file: ", "www.airbnb.com/calendar/ical/1.ics?… (give an http(s) URL")
                .doesNotContain(SECRET);
    }
}
