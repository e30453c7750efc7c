package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallAndStatusCommandTest {
    @TempDir
    Path home;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
    }

    @Test
    void installOpensTheGateAndSetsTheDefaultInterval() {
        Cli.Result result = cli.run("install");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("Schema ready in H2 file " + home.toAbsolutePath().resolve("bokit.mv.db"))
                .contains("install.complete = true")
                .contains("sync.interval = 3600 (seconds)");
        assertThat(cli.run("options", "list").out())
                .containsPattern("install.complete\\s+true\\s+whether")
                .containsPattern("sync.interval\\s+3600\\s+[A-Za-z]");
    }

    @Test
    void installTwiceIsIdempotentAndKeepsAnIntervalAlreadySet() {
        cli.run("options", "set", "sync.interval", "300");

        Cli.Result first = cli.run("install");
        Cli.Result second = cli.run("install");

        assertThat(first.code()).isZero();
        assertThat(second.code()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.out()).contains("sync.interval = 300 (seconds)");
        assertThat(cli.run("options", "get", "sync.interval").out()).isEqualTo("300\n");
    }

    @Test
    void statusOfAFreshStoreSaysSyncsAreOffUntilInstalled() {
        Cli.Result result = cli.run("status");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains("Install complete: no (automatic syncs are off; run bokit-cli install)")
                .contains("Interval:         3600 s (1 h)")
                .contains("Last claim:       never (or reset)")
                .contains("Next sync:        none automatic: install.complete is false")
                .contains("Run lease:        free (no sync running)")
                .contains("Feeds: none yet");
    }

    @Test
    void statusShowsTheLastClaimTheNextDueAndEveryFeed() {
        try (LocalFeedServer server = LocalFeedServer.start()) {
            server.serve("/ok.ics", ICalFeedBuilder.airbnb().build());
            server.fail("/down.ics", 503);
            cli.run("install");
            cli.run("calendars", "add", "seaview");
            cli.addFeed("seaview", "ok", null, server.url("/ok.ics"));
            cli.addFeed("seaview", "down", null, server.url("/down.ics"));
            cli.run("sync", "--allow-private", "--if-due");

            Cli.Result text = cli.run("status");
            Cli.Result json = cli.run("status", "--json");

            assertThat(text.code()).isZero();
            assertThat(text.out())
                    .contains("Install complete: yes")
                    .containsPattern("Last claim:       \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(\\d+ s ago\\)")
                    .containsPattern("Next sync:        due after .*\\(in (59 min|1 h)\\)")
                    .contains("Feeds (2):")
                    .containsPattern("down\\s+127.0.0.1\\s+seaview\\s+yes\\s+resting\\s+-\\s+1\\s+\\d{4}-.*503")
                    .containsPattern("ok\\s+127.0.0.1\\s+seaview\\s+yes\\s+ok\\s+\\d{4}-\\S+\\s+0\\s+-\\s+-");

            Map<String, Object> status = JsonParser.object(json.out());
            assertThat(status)
                    .containsEntry("installComplete", true)
                    .containsEntry("intervalSeconds", 3600L)
                    .containsEntry("lease", null)
                    .containsEntry("problem", null)
                    .containsKey("lastClaim");
            assertThat(status.get("decision")).isInstanceOfSatisfying(Map.class, decision -> assertThat(decision)
                    .containsEntry("state", "not_due")
                    .containsKey("until"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> feeds = (List<Map<String, Object>>) status.get("feeds");
            assertThat(feeds).extracting(feed -> feed.get("id")).containsExactly("down", "ok");
            assertThat(feeds.get(0))
                    .containsEntry("consecutiveFailures", 1L)
                    .containsEntry("state", "resting")
                    .containsEntry("lastSuccess", null)
                    .containsKeys("lastError", "backoffUntil", "lastAttempt", "url", "enabled", "calendar", "name");
        }
    }

    @Test
    void resetForgetsTheLastClaim() throws Exception {
        cli.run("install");
        cli.run("calendars", "add", "seaview");
        Path feed = Files.writeString(
                home.resolve("feed.ics"), ICalFeedBuilder.airbnb().build());
        cli.run("feeds", "add", "--calendar", "seaview", feed.toString());
        cli.run("sync", "--if-due");
        assertThat(cli.run("status").out()).doesNotContain("never (or reset)");

        Cli.Result reset = cli.run("reset");

        assertThat(reset.code()).isZero();
        assertThat(cli.run("status").out())
                .contains("Last claim:       never (or reset)")
                .contains("Next sync:        due now");
    }
}
