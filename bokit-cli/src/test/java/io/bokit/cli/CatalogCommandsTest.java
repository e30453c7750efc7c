package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandsTest {
    private static final String AIRBNB = "https://www.airbnb.com/calendar/ical/4242.ics?s=abc";

    @TempDir
    Path home;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
    }

    @Test
    void addsListsAndRemovesCalendars() {
        Cli.Result added = cli.run("calendars", "add", "seaview", "--name", "Sea View", "--zone", "Europe/Lisbon");
        cli.run("calendars", "add", "harbour");

        assertThat(added.code()).isZero();
        assertThat(added.out()).isEqualTo("Added calendar seaview (Sea View, Europe/Lisbon)\n");
        assertThat(cli.run("calendars", "list").out())
                .containsPattern("harbour\\s+harbour\\s+UTC\\s+0")
                .containsPattern("seaview\\s+Sea View\\s+Europe/Lisbon\\s+0");
        List<Map<String, Object>> json =
                JsonParser.array(cli.run("calendars", "list", "--json").out());
        assertThat(json).extracting(calendar -> calendar.get("key")).containsExactly("harbour", "seaview");

        Cli.Result removed = cli.run("calendars", "remove", "harbour");

        assertThat(removed.code()).isZero();
        assertThat(cli.run("calendars", "list").out()).doesNotContain("harbour");
    }

    @Test
    void calendarErrorsAreUsageErrorsAndChangeNothing() {
        cli.run("calendars", "add", "seaview");
        cli.run("feeds", "add", "--calendar", "seaview", AIRBNB);

        assertUsageError(cli.run("calendars", "add", "seaview"), "bokit-cli: Calendar seaview already exists");
        assertUsageError(
                cli.run("calendars", "add", "bad key"),
                "bokit-cli: Invalid calendar key \"bad key\": expected 1 to 64");
        assertUsageError(
                cli.run("calendars", "add", "x", "--zone", "Mars/Olympus"),
                "bokit-cli: Invalid time zone \"Mars/Olympus\"");
        assertUsageError(cli.run("calendars", "remove", "nope"), "bokit-cli: Unknown calendar nope");
        assertUsageError(
                cli.run("calendars", "remove", "seaview"),
                "bokit-cli: Calendar seaview still has feeds: seaview-airbnb; remove them first");
        assertThat(JsonParser.array(cli.run("calendars", "list", "--json").out()))
                .extracting(calendar -> calendar.get("key"))
                .containsExactly("seaview");
    }

    @Test
    void addsListsEnablesDisablesAndRemovesFeeds() {
        cli.run("calendars", "add", "seaview");

        Cli.Result added = cli.run("feeds", "add", "--calendar", "seaview", AIRBNB);

        assertThat(added.code()).as(added.toString()).isZero();
        assertThat(added.out())
                .isEqualTo("Added feed seaview-airbnb (www.airbnb.com) to calendar seaview:"
                        + " https://www.airbnb.com/calendar/ical/4242.ics?…\n");
        assertThat(cli.run("feeds", "list").out())
                .containsPattern(
                        "seaview-airbnb\\s+seaview\\s+www.airbnb.com\\s+yes\\s+https://www.airbnb.com/calendar/ical/4242.ics\\?…");

        assertThat(cli.run("feeds", "disable", "seaview-airbnb").out()).isEqualTo("Disabled feed seaview-airbnb\n");
        assertThat(JsonParser.array(cli.run("feeds", "list", "--json").out()).get(0))
                .containsEntry("enabled", false)
                .containsEntry("url", "https://www.airbnb.com/calendar/ical/4242.ics?…");
        assertThat(cli.run("feeds", "enable", "seaview-airbnb").out()).isEqualTo("Enabled feed seaview-airbnb\n");
        assertThat(cli.run("feeds", "list").out()).containsPattern("seaview-airbnb.*yes");

        Cli.Result removed = cli.run("feeds", "remove", "seaview-airbnb");

        assertThat(removed.out()).isEqualTo("Removed feed seaview-airbnb (its bookings are kept)\n");
        assertThat(cli.run("feeds", "list").out()).startsWith("No feeds yet.");
    }

    @Test
    void feedErrorsAreUsageErrorsAndChangeNothing() {
        cli.run("calendars", "add", "seaview");

        assertUsageError(cli.run("feeds", "add", "--calendar", "nope", AIRBNB), "bokit-cli: Unknown calendar nope");
        assertUsageError(
                cli.run("feeds", "add", "--calendar", "seaview", "htp://example.com/x.ics"),
                "bokit-cli: Invalid feed URL htp://example.com/x.ics: the scheme must be http, https or file");
        assertUsageError(
                cli.run("feeds", "add", "--calendar", "seaview", "https:///x.ics?token=1"),
                "bokit-cli: Invalid feed URL");
        assertUsageError(
                cli.run("feeds", "add", "--calendar", "seaview", "no-such-file.ics"), "bokit-cli: No such file: ");
        assertUsageError(cli.run("feeds", "remove", "nope"), "bokit-cli: Unknown feed nope");
        assertUsageError(cli.run("feeds", "enable", "nope"), "bokit-cli: Unknown feed nope");
        assertUsageError(cli.run("feeds", "disable", "nope"), "bokit-cli: Unknown feed nope");
        Cli.Result missingCalendar = cli.run("feeds", "add", AIRBNB);
        assertThat(missingCalendar.code()).isEqualTo(2);
        assertThat(missingCalendar.err()).contains("Missing required option: '--calendar=KEY'");

        cli.run("feeds", "add", "--calendar", "seaview", AIRBNB);
        assertUsageError(
                cli.run("feeds", "add", "--calendar", "seaview", "--id", "seaview-airbnb", AIRBNB),
                "bokit-cli: Feed seaview-airbnb already exists");
        assertThat(JsonParser.array(cli.run("feeds", "list", "--json").out())).hasSize(1);
    }

    private static void assertUsageError(Cli.Result result, String firstWords) {
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).startsWith(firstWords).hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }
}
