package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.ConnectionTrap;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.PlantedTokenFeeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed token planted in every feed URL appears nowhere in what bokit-cli prints or logs: every
 * command that prints something, with successful and failing feeds (404, 500, unreachable, refused by
 * the SSRF guard, not iCal), usage and store errors with their stack traces, and every log line at
 * TRACE. The commands run in a JVM of their own ({@link TracingCli}) so that slf4j-simple logs at TRACE.
 */
class CliSecretsEverywhereTest {
    private static final String TOKEN = "PLANTED-" + UUID.randomUUID();
    private static final String QUERY = "?token=" + TOKEN;

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void thePlantedTokenIsInNoOutputNorLogLineOfAnyCommand() throws Exception {
        try (LocalFeedServer server = LocalFeedServer.start()) {
            Map<String, String> feeds = PlantedTokenFeeds.serve(server, QUERY);
            String ok = feeds.get("ok");
            List<List<String>> script = new ArrayList<>();
            script.add(List.of("install"));
            script.add(List.of("calendars", "add", "seaview", "--name", "Sea View"));
            feeds.forEach((id, url) -> script.add(feed(id, url)));
            script.add(feed("shared", "https://100.64.0.1/cal.ics" + QUERY));
            script.add(List.of("feeds", "add", "--calendar", "seaview", "--id", "ok", ok)); // duplicate id
            script.add(List.of("--verbose", "feeds", "add", "--calendar", "nowhere", ok)); // unknown calendar
            script.add(List.of("feeds", "add", "--calendar", "seaview", "htp://example.com/x.ics" + QUERY));
            script.add(List.of("feeds", "add", "--calendar", "seaview", "./missing.ics" + QUERY));
            script.add(List.of("feeds", "add", "--calendar", "seaview", "www.airbnb.com/calendar/ical/1.ics" + QUERY));
            script.add(List.of("feeds", "add", "--calendar", "seaview", "--bogus", ok)); // usage error
            script.add(List.of("feeds", "list"));
            script.add(List.of("feeds", "list", "--json"));
            script.add(List.of("--verbose", "sync", "--allow-private"));
            script.add(List.of("sync", "--allow-private", "--force", "--json"));
            script.add(List.of("--verbose", "sync", "--force", "--feed", "ok")); // refused: loopback
            script.add(List.of("--verbose", "sync", "--force", "--feed", "nope"));
            script.add(List.of("status"));
            script.add(List.of("status", "--json"));
            script.add(List.of("calendars", "list"));
            script.add(List.of("calendars", "list", "--json"));
            script.add(List.of("bookings", "list"));
            script.add(List.of("bookings", "list", "--json"));
            script.add(List.of("history"));
            script.add(List.of("history", "--json"));
            script.add(List.of("options", "list"));
            script.add(List.of("options", "list", "--json"));
            script.add(List.of("options", "get", "sync.interval"));
            script.add(List.of("options", "set", "sync.interval", "soon"));
            script.add(List.of("feeds", "disable", "gone"));
            script.add(List.of("feeds", "enable", "gone"));
            script.add(List.of("feeds", "remove", "broken"));
            script.add(List.of("calendars", "remove", "seaview"));
            script.add(List.of("reset"));
            script.add(List.of(
                    "--verbose",
                    "--db",
                    "jdbc:postgresql://127.0.0.1:" + ConnectionTrap.closedPort() + "/bokit" + QUERY,
                    "status"));
            script.add(List.of("--verbose", "--db", "jdbc:h2:mem:x;PASSWORD=" + TOKEN, "status"));
            script.add(List.of("--help"));
            script.add(List.of("sync", "--help"));
            script.add(List.of("--version"));

            String printed = runTraced(script);

            // every logger is at TRACE; bokit's most detailed lines are DEBUG (its parser no longer uses ical4j's,
            // whose TRACE lines this used to find), so DEBUG lines prove the scan covered the verbose output
            assertThat(printed).contains("### exit 3", "### exit 2", "[SyncJob]", "DEBUG", "?…");
            assertThat(printed)
                    .contains("HTTP 404", "HTTP 500", "refused: 169.254.169.254", "refused: 100.64.0.1")
                    .contains("could not connect", "is an HTML or XML page", "\tat io.bokit.");
            assertThat(printed).doesNotContain(TOKEN);
            long lines = printed.lines().count();
            System.out.printf(
                    "[reliability] planted token, bokit-cli: %d commands in one JVM at TRACE, %d bytes / %d lines of"
                            + " stdout, stderr and logs scanned, 0 occurrences%n",
                    script.size(), printed.getBytes(StandardCharsets.UTF_8).length, lines);
        }
    }

    private static List<String> feed(String id, String url) {
        return List.of("feeds", "add", "--calendar", "seaview", "--id", id, "--name", id, url);
    }

    /** Runs the script in a JVM of its own; returns its standard output and error together. */
    private String runTraced(List<List<String>> script) throws IOException, InterruptedException {
        Path file = work.resolve("script.tsv");
        Files.write(file, script.stream().map(line -> String.join("\t", line)).toList(), StandardCharsets.UTF_8);
        Path output = work.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        TracingCli.class.getName(),
                        home.toString(),
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // one JVM, so an in-memory H2 store lives through the whole script (a file store costs ~0.3 s a command)
        builder.environment().put("BOKIT_DB_URL", "jdbc:h2:mem:secrets;DB_CLOSE_DELAY=-1");
        builder.environment().remove("BOKIT_DB_USER");
        builder.environment().remove("BOKIT_DB_PASSWORD");
        Process process = builder.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES); // a hang guard only
        if (!finished) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as(printed).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).as("every command ran").contains("### command " + (script.size() - 1));
        return printed;
    }
}
