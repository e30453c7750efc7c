package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.ConnectionTrap;
import io.bokit.testkit.LocalFeedServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSRF guard through the command line: {@code feeds add} takes any http(s) URL, and {@code sync}
 * (without {@code --allow-private}) refuses every internal one before connecting, as a failed feed
 * (exit 3), while a trap on loopback counts no connection.
 */
class CliSsrfTest {
    private static final String TOKEN = "?token=PLANTED-cli-5d2e";

    @TempDir
    Path home;

    @Test
    void syncRefusesEveryInternalFeedWithoutConnectingByDefault() {
        Cli cli = new Cli(home);
        try (ConnectionTrap trap = ConnectionTrap.open();
                LocalFeedServer outside = LocalFeedServer.start("127.0.0.2")) {
            Map<String, String> feeds = trap.internalFeeds(outside, TOKEN);
            cli.run("calendars", "add", "seaview");
            feeds.forEach((id, url) -> assertThat(
                            cli.run("feeds", "add", "--calendar", "seaview", "--id", id, "--name", id, url)
                                    .code())
                    .as(id)
                    .isZero());

            Cli.Result sync = cli.run("sync");
            Cli.Result status = cli.run("status", "--json");

            assertThat(sync.code()).as(sync.toString()).isEqualTo(3);
            feeds.keySet().forEach(id -> assertThat(sync.out()).contains("✗ " + id + ": refused: "));
            assertThat(sync.out()).contains("; " + feeds.size() + " failed");
            assertThat(status.out()).contains("\"lastError\":\"refused: ").doesNotContain("\"lastSuccess\":\"");
            assertThat(sync.err()).doesNotContain("Exception");
            assertThat(trap.connections()).isZero();
            assertThat(outside.requestCount("/moved.ics")).isZero();
            assertThat(cli.everythingPrinted()).doesNotContain("PLANTED");
            System.out.printf(
                    "[reliability] SSRF through bokit-cli sync (default guard): %d internal feeds refused,"
                            + " %d connections to the loopback trap%n",
                    feeds.size(), trap.connections());
        }
    }

    @Test
    void allowPrivateStillRefusesARedirectToTheMetadataService() {
        Cli cli = new Cli(home);
        try (LocalFeedServer channel = LocalFeedServer.start("127.0.0.2")) {
            channel.redirect("/metadata.ics", "http://169.254.169.254/latest/meta-data/" + TOKEN);
            channel.redirect("/shared.ics", "http://100.64.0.1/" + TOKEN);
            cli.run("calendars", "add", "seaview");
            cli.run(
                    "feeds",
                    "add",
                    "--calendar",
                    "seaview",
                    "--id",
                    "metadata",
                    "--name",
                    "metadata",
                    channel.url("/metadata.ics").reveal() + TOKEN);
            cli.run(
                    "feeds",
                    "add",
                    "--calendar",
                    "seaview",
                    "--id",
                    "shared",
                    "--name",
                    "shared",
                    channel.url("/shared.ics").reveal() + TOKEN);

            Cli.Result sync = cli.run("sync", "--allow-private");

            assertThat(sync.code()).as(sync.toString()).isEqualTo(3);
            assertThat(sync.out())
                    .contains("✗ metadata: refused: 169.254.169.254 resolves to a link-local address")
                    .contains("✗ shared: refused: 100.64.0.1 resolves to a shared (carrier-grade NAT) address");
            assertThat(channel.requestCount("/metadata.ics")).isEqualTo(1);
            assertThat(cli.everythingPrinted()).doesNotContain("PLANTED");
        }
    }

    @Test
    void theRefusalSaysTheCliOptionsNotTheJavaBuilder() {
        Cli cli = new Cli(home);
        try (LocalFeedServer channel = LocalFeedServer.start()) {
            channel.serve("/a.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
            cli.run("calendars", "add", "seaview");
            cli.addFeed("seaview", "local", "local", channel.url("/a.ics"));

            Cli.Result sync = cli.run("sync", "--json");
            Cli.Result status = cli.run("status", "--json");

            assertThat(sync.out())
                    .contains("resolves to a loopback address (127.0.0.1); bokit-cli fetches it with --allow CIDR"
                            + " (e.g. --allow <that address>/32) or --allow-private")
                    .doesNotContain("HttpFetchSettings");
            assertThat(status.out()).contains("--allow-private").doesNotContain("HttpFetchSettings");
        }
    }

    @Test
    void allowLetsOneAddressBlockThroughAndNoOther() {
        Cli cli = new Cli(home);
        try (LocalFeedServer one = LocalFeedServer.start();
                LocalFeedServer two = LocalFeedServer.start("127.0.0.2")) {
            String empty = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
            one.serve("/a.ics", empty);
            two.serve("/b.ics", empty);
            cli.run("calendars", "add", "seaview");
            cli.addFeed("seaview", "one", "one", one.url("/a.ics"));
            cli.addFeed("seaview", "two", "two", two.url("/b.ics"));

            Cli.Result sync = cli.run("sync", "--allow", "127.0.0.1/32");

            assertThat(sync.code()).as(sync.toString()).isEqualTo(3);
            assertThat(sync.out()).contains("✓ one: ").contains("✗ two: refused: 127.0.0.2 resolves to a loopback");
            assertThat(one.requestCount("/a.ics")).isEqualTo(1);
            assertThat(two.requestCount("/b.ics")).isZero();
        }
    }

    @Test
    void anInvalidAllowIsAUsageError() {
        Cli cli = new Cli(home);

        Cli.Result result = cli.run("status", "--allow", "not-an-address");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("bokit-cli: Invalid --allow not-an-address: ");
    }

    @Test
    void feedsAddWarnsWhenSyncsWouldRefuseTheFeedButAddsIt() {
        Cli cli = new Cli(home);
        cli.run("calendars", "add", "seaview");

        Cli.Result loopback =
                cli.run("feeds", "add", "--calendar", "seaview", "--id", "lo", "http://127.0.0.1:9/a.ics" + TOKEN);
        Cli.Result privateNet =
                cli.run("feeds", "add", "--calendar", "seaview", "--id", "lan", "http://10.1.2.3/a.ics" + TOKEN);
        Cli.Result allowed = cli.run(
                "feeds",
                "add",
                "--calendar",
                "seaview",
                "--id",
                "ok",
                "--allow",
                "10.1.2.0/24",
                "http://10.1.2.4/a.ics");

        assertThat(loopback.code()).isZero();
        assertThat(loopback.out()).startsWith("Added feed lo ");
        assertThat(loopback.err())
                .isEqualTo("bokit-cli: warning: syncs will not fetch this feed: refused: 127.0.0.1 resolves to a"
                        + " loopback address (127.0.0.1); " + Store.REFUSAL_REMEDY + "\n");
        assertThat(privateNet.code()).isZero();
        assertThat(privateNet.err()).contains("resolves to a private address (10.1.2.3)");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.err()).isEmpty();
        assertThat(cli.everythingPrinted()).doesNotContain("PLANTED");
        assertThat(cli.run("feeds", "list").out())
                .contains("lo ")
                .contains("lan ")
                .contains("ok ");
    }
}
