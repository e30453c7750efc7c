package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.jdbc.NeedsMariaDb;
import io.bokit.jdbc.TestDatabase;
import io.bokit.testkit.ICalFeedBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on the MariaDB server of the tests ({@code BOKIT_TEST_MARIADB_URL}; skipped without one), through both
 * drivers it carries: MariaDB's ({@code jdbc:mariadb:}) and MySQL's ({@code jdbc:mysql:}, with the credentials
 * before the host). The password is never printed.
 */
@NeedsMariaDb
class MariaDbStoreTest {
    @TempDir
    Path home;

    @Test
    void aMariaDbStoreNeedsInstallThenWorksThroughEitherDriverWithoutShowingThePassword() throws Exception {
        try (TestDatabase other = TestDatabase.mariadb();
                TestDatabase database = TestDatabase.mariadb()) {
            // given another database on the same server that already holds bokit's tables
            assertThat(new Cli(home.resolve("other"))
                            .env("BOKIT_DB_URL", other.url())
                            .run("install")
                            .code())
                    .isZero();
            // and the database's URL, and the same database as MySQL's driver takes it: user:password@host
            String url = database.url();
            Map<String, String> credentials = credentials(url);
            String password = credentials.get("password");
            URI address = URI.create(url.substring("jdbc:".length()).replaceFirst("\\?.*", ""));
            String mysqlUrl = "jdbc:mysql://" + credentials.get("user") + ":" + password + "@" + address.getHost() + ":"
                    + address.getPort() + address.getPath();
            Cli cli = new Cli(home).env("BOKIT_DB_URL", url);
            Path feed = Files.writeString(
                    home.resolve("feed.ics"),
                    ICalFeedBuilder.airbnb()
                            .reserved(
                                    "R1",
                                    LocalDate.now().plusDays(5),
                                    LocalDate.now().plusDays(8))
                            .build());

            // when
            Cli.Result before = cli.run("status");
            Cli.Result install = cli.run("install");
            cli.run("calendars", "add", "seaview");
            cli.run("feeds", "add", "--calendar", "seaview", feed.toString());
            Cli.Result sync = cli.run("sync");
            Cli.Result status = cli.run("--db", mysqlUrl, "status");
            Cli.Result bookings = cli.run("--db", mysqlUrl, "bookings", "list");
            Cli.Result wrongPort = cli.run(
                    "--db", "jdbc:mysql://bokit:" + password + "@127.0.0.1:1/bokit?password=" + password, "status");

            // then
            assertThat(before.code()).as(before.toString()).isEqualTo(2);
            assertThat(before.err())
                    .startsWith("bokit-cli: The database jdbc:mariadb://127.0.0.1:")
                    .endsWith("has no bokit tables yet: run bokit-cli install first\n");
            assertThat(install.code()).as(install.toString()).isZero();
            assertThat(sync.code()).as(sync.toString()).isZero();
            assertThat(sync.out()).contains("✓ localfile: total 1, created 1");
            assertThat(status.code()).as(status.toString()).isZero();
            assertThat(status.out())
                    .contains("Install complete: yes")
                    .contains("Store:            jdbc:mysql://…@127.0.0.1:" + address.getPort() + address.getPath());
            assertThat(bookings.out()).contains("R1");
            assertThat(wrongPort.code()).isEqualTo(1);
            assertThat(wrongPort.err())
                    .startsWith("bokit-cli: Cannot open the database jdbc:mysql://…@127.0.0.1:1/bokit…: ");
            assertThat(cli.everythingPrinted()).doesNotContain(password);
            assertThat(Files.exists(home.resolve("bokit.mv.db"))).isFalse();
        }
    }

    /** The {@code user} and {@code password} options of a JDBC URL's query. */
    private static Map<String, String> credentials(String url) {
        Matcher user = Pattern.compile("[?&]user=([^&]*)").matcher(url);
        Matcher password = Pattern.compile("[?&]password=([^&]*)").matcher(url);
        assertThat(user.find() && password.find())
                .as("user and password in the test server's URL")
                .isTrue();
        return Map.of("user", user.group(1), "password", password.group(1));
    }
}
