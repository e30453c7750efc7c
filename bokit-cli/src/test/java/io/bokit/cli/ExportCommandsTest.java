package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.ExportService;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.jdbc.InitializeMode;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exports add|list|rotate|remove} and {@code export}: tokens shown once, masked after, the served body. */
class ExportCommandsTest {
    private static final Pattern TOKEN = Pattern.compile("Token: ([A-Za-z0-9_-]{43})\n");

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.at("2031-03-01T12:00:00Z");
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(home).clock(clock);
        Path feed = Files.writeString(
                home.resolve("airbnb.ics"),
                ICalFeedBuilder.airbnb()
                        .reserved("r1@airbnb.com", LocalDate.of(2031, 3, 10), LocalDate.of(2031, 3, 14))
                        .build());
        cli.run("calendars", "add", "seaview", "--zone", "Europe/Lisbon");
        cli.run("calendars", "add", "harbour");
        assertThat(cli.run("feeds", "add", "--calendar", "seaview", "--id", "seaview-airbnb", feed.toString())
                        .code())
                .isZero();
        assertThat(cli.run("sync").code()).isZero();
    }

    private static String token(Cli.Result result) {
        Matcher token = TOKEN.matcher(result.out());
        assertThat(token.find()).as(result.toString()).isTrue();
        return token.group(1);
    }

    @Test
    void addShowsTheTokenOnceAndListShowsItMasked() {
        // when
        Cli.Result added = cli.run("exports", "add", "seaview", "--for", "seaview-airbnb");

        // then
        assertThat(added.code()).as(added.toString()).isZero();
        String token = token(added);
        assertThat(added.out())
                .startsWith("Added export x")
                .contains("of calendar seaview for feed seaview-airbnb")
                .contains("Path:  /bokit/ical/" + token + ".ics");
        Cli.Result list = cli.run("exports", "list");
        assertThat(list.out())
                .containsPattern("x[0-9a-f]{10}\\s+seaview\\s+seaview-airbnb\\s+" + Pattern.quote(token.substring(0, 4))
                        + "…\\s+no\\s+2031-03-01T12:00:00Z\\s+-")
                .doesNotContain(token);
        List<Map<String, Object>> json =
                JsonParser.array(cli.run("exports", "list", "--json").out());
        assertThat(json).singleElement().satisfies(export -> assertThat(export)
                .containsEntry("calendar", "seaview")
                .containsEntry("for", "seaview-airbnb")
                .containsEntry("token", token.substring(0, 4) + "…")
                .containsEntry("guestNames", false));
        assertThat(cli.run("exports", "add", "harbour", "--path", "/channels/cal")
                        .out())
                .containsPattern("Path:  /channels/cal/[A-Za-z0-9_-]{43}\\.ics");
    }

    @Test
    void rotateGivesANewTokenAndRemoveEndsTheExport() {
        // given
        Cli.Result added = cli.run("exports", "add", "seaview");
        String first = token(added);
        String id = JsonParser.array(cli.run("exports", "list", "--json").out())
                .get(0)
                .get("id")
                .toString();

        // when
        clock.advance(java.time.Duration.ofDays(1));
        Cli.Result rotated = cli.run("exports", "rotate", id);

        // then
        assertThat(rotated.code()).as(rotated.toString()).isZero();
        assertThat(rotated.out()).startsWith("Rotated export " + id + ": the old URL no longer works");
        String second = token(rotated);
        assertThat(second).isNotEqualTo(first);
        assertThat(JsonParser.array(cli.run("exports", "list", "--json").out()))
                .singleElement()
                .satisfies(export -> assertThat(export)
                        .containsEntry("token", second.substring(0, 4) + "…")
                        .containsEntry("rotated", "2031-03-02T12:00:00Z"));

        Cli.Result removed = cli.run("exports", "remove", id);
        assertThat(removed.out()).isEqualTo("Removed export " + id + "\n");
        assertThat(cli.run("exports", "list").out()).startsWith("No exports yet.");
        Cli.Result again = cli.run("exports", "remove", id);
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).startsWith("bokit-cli: Unknown export " + id);
    }

    @Test
    void unknownCalendarsAndFeedsOfAnotherCalendarAreUsageErrors() {
        Cli.Result unknown = cli.run("exports", "add", "nope");
        Cli.Result foreign = cli.run("exports", "add", "harbour", "--for", "seaview-airbnb");

        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).startsWith("bokit-cli: Unknown calendar nope");
        assertThat(foreign.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(foreign.err()).contains("belongs to calendar seaview");
        assertThat(cli.run("exports", "list", "--json").out().strip()).isEqualTo("[]");
    }

    @Test
    void exportPrintsOrWritesTheBodyAHostServesForThatExport() throws Exception {
        // given an export as a host would serve it: the export's own command
        cli.run("exports", "add", "seaview");
        ExportCommand served = ExportCommand.of(CalendarKey.of("seaview"));
        BokitJdbc jdbc = BokitJdbc.builder(new DriverManagerDataSource(cli.h2Url(), null, null))
                .initialize(InitializeMode.NEVER)
                .build();
        String body = new ExportService(jdbc.feedCatalog(), jdbc.bookingStore(), clock)
                .export(served)
                .body();

        // when
        Cli.Result printed = cli.run("export", "seaview");
        Path file = home.resolve("seaview.ics");
        Cli.Result written = cli.run("export", "seaview", "-o", file.toString());

        // then
        assertThat(printed.code()).as(printed.toString()).isZero();
        assertThat(printed.out()).isEqualTo(body).contains("DTSTART;VALUE=DATE:20310310");
        assertThat(written.out())
                .isEqualTo("Wrote 1 events (" + body.getBytes(StandardCharsets.UTF_8).length + " bytes) to " + file
                        + "\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(cli.run("export", "seaview", "--for", "seaview-airbnb").out())
                .as("the channel's own booking is left out")
                .isEqualTo(new ExportService(jdbc.feedCatalog(), jdbc.bookingStore(), clock)
                        .export(ExportCommand.forFeed(CalendarKey.of("seaview"), FeedId.of("seaview-airbnb")))
                        .body())
                .doesNotContain("VEVENT");
    }
}
