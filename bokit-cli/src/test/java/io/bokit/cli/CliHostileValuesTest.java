package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.HostileValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile values typed at the command line — quotes, SQL fragments, control characters, NUL, lone
 * surrogates, markup, ~100 KB strings — as calendar keys and names, feed ids and names, option keys
 * and values, and filters: each is stored verbatim (and listed back as given) or refused with one line
 * on standard error and exit code 2, and the store still holds exactly what it held.
 */
class CliHostileValuesTest {
    private static final Map<String, String> HOSTILE = HostileValues.all();

    @TempDir
    Path home;

    @Test
    void hostileValuesAreStoredVerbatimOrRefusedWithExitCode2() {
        // an in-memory H2 store: the same JDBC stores as the embedded file, without opening a file per command
        Cli cli = new Cli(home).env("BOKIT_DB_URL", "jdbc:h2:mem:hostile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertThat(cli.run("install").code()).isZero();
        assertThat(cli.run("calendars", "add", "seaview", "--name", "Sea View").code())
                .isZero();
        Path ics = home.resolve("feed.ics");
        writeFeed(ics);
        int stored = 0;
        int refused = 0;
        int feedNumber = 0;
        for (Map.Entry<String, String> entry : HOSTILE.entrySet()) {
            String kind = entry.getKey();
            String value = entry.getValue();
            // ids, keys and filters: never valid ids, so always refused
            for (List<String> command : List.of(
                    List.of("calendars", "add", value),
                    List.of("feeds", "add", "--calendar", "seaview", "--id", value, ics.toString()),
                    List.of("options", "set", value, "1"),
                    List.of("options", "set", "sync.interval", value),
                    List.of("bookings", "list", "--calendar", value),
                    List.of("sync", "--force", "--feed", value))) {
                refusedWithUsageError(cli.run(command.toArray(String[]::new)), kind + " in " + command.get(0));
                refused++;
            }
            // names: stored verbatim, or refused
            for (String what : List.of("calendar name", "feed name")) {
                Cli.Result result = what.equals("calendar name")
                        ? cli.run("calendars", "add", "cal-" + kind, "--name", value)
                        : cli.run(
                                "feeds",
                                "add",
                                "--calendar",
                                "seaview",
                                "--id",
                                "feed-" + (++feedNumber),
                                "--name",
                                value,
                                ics.toString());
                if (result.code() == 0) {
                    String listed = what.equals("calendar name")
                            ? nameOf(
                                    JsonParser.array(cli.run("calendars", "list", "--json")
                                            .out()),
                                    "key",
                                    "cal-" + kind)
                            : nameOf(
                                    JsonParser.array(
                                            cli.run("feeds", "list", "--json").out()),
                                    "id",
                                    "feed-" + feedNumber);
                    assertThat(listed).as(what + " with " + kind).isEqualTo(value.strip());
                    stored++;
                } else {
                    refusedWithUsageError(result, what + " with " + kind);
                    refused++;
                }
            }
            storeIsIntact(cli, kind);
        }
        System.out.printf(
                "[reliability] hostile values through bokit-cli (H2): %d kinds, %d names stored and listed back"
                        + " verbatim, %d commands refused with exit 2 and one line on stderr; store intact after each%n",
                HOSTILE.size(), stored, refused);
    }

    private static void refusedWithUsageError(Cli.Result result, String what) {
        assertThat(result.code()).as(what + ": " + result).isEqualTo(2);
        assertThat(result.err()).as(what).startsWith("bokit-cli: ").doesNotContain("Exception", "\tat ");
        assertThat(result.err().length()).as(what + ": a short message").isLessThan(2_000);
    }

    private static void storeIsIntact(Cli cli, String kind) {
        Cli.Result status = cli.run("status", "--json");
        assertThat(status.code()).as(kind + ": " + status).isZero();
        assertThat(JsonParser.object(status.out())).containsEntry("installComplete", true);
        assertThat(cli.run("options", "get", "sync.interval").out().strip())
                .as(kind)
                .isEqualTo("3600");
        assertThat(JsonParser.array(cli.run("calendars", "list", "--json").out()))
                .as(kind)
                .extracting(calendar -> calendar.get("key"))
                .contains("seaview");
    }

    private static String nameOf(List<Map<String, Object>> rows, String idField, String id) {
        return rows.stream()
                .filter(row -> id.equals(row.get(idField)))
                .map(row -> (String) row.get("name"))
                .findFirst()
                .orElse(null);
    }

    private static void writeFeed(Path file) {
        try {
            java.nio.file.Files.writeString(
                    file, io.bokit.testkit.ICalFeedBuilder.airbnb().build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
