package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.jdbc.BokitJdbc;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {
    private static final LocalDate SOON = LocalDate.now().plusDays(10);

    @TempDir
    Path home;

    private Cli cli;
    private LocalFeedServer server;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
        server = LocalFeedServer.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private String airbnb() {
        return ICalFeedBuilder.airbnb()
                .reserved("A1@airbnb.com", SOON, SOON.plusDays(3))
                .blocked("B1@airbnb.com", SOON.plusDays(5), SOON.plusDays(7))
                .build();
    }

    private void calendarWithFeed(String path) {
        assertThat(cli.run("calendars", "add", "seaview", "--name", "Sea View").code())
                .isZero();
        cli.addFeed("seaview", "seaview-airbnb", "Airbnb", server.url(path));
    }

    @Test
    void syncsEveryFeedOverHttpAndPrintsALinePerFeed() {
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");

        Cli.Result result = cli.run("sync", "--allow-private");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("✓ Airbnb: total 2, created 2, updated 0, unchanged 0, deleted 0, vanished 0")
                .contains("Synced 1 feed in")
                .contains("no errors");
        assertThat(result.err()).isEmpty();
        assertThat(cli.run("bookings", "list").out()).contains("A1@airbnb.com").contains("B1@airbnb.com");
    }

    @Test
    void aSecondSyncWithinTheIntervalIsNotDueAndForceRunsIt() {
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");
        cli.run("sync", "--allow-private");

        Cli.Result notDue = cli.run("sync", "--allow-private");
        Cli.Result forced = cli.run("sync", "--allow-private", "--force");

        assertThat(notDue.code()).isZero();
        assertThat(notDue.out())
                .startsWith("Not due: the next sync is due after ")
                .contains("--force");
        assertThat(forced.code()).isZero();
        assertThat(forced.out()).contains("✓ Airbnb: not modified since the last sync (total 2)");
        assertThat(server.requestCount("/airbnb.ics")).isEqualTo(2);
    }

    @Test
    void resetMakesTheNextSyncDue() {
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");
        cli.run("sync", "--allow-private");

        Cli.Result reset = cli.run("reset");
        Cli.Result sync = cli.run("sync", "--allow-private");

        assertThat(reset.code()).isZero();
        assertThat(reset.out()).contains("Forgot the last sync claim");
        assertThat(sync.code()).isZero();
        assertThat(sync.out()).contains("✓ Airbnb:");
    }

    @Test
    void aFailingFeedGivesACrossLineAndExitThreeWhileTheOthersSync() {
        server.serve("/airbnb.ics", airbnb());
        server.fail("/booking.ics", 503);
        calendarWithFeed("/airbnb.ics");
        cli.addFeed("seaview", "seaview-booking", "Booking.com", server.url("/booking.ics"));

        Cli.Result result = cli.run("sync", "--allow-private");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.out())
                .contains("✓ Airbnb: total 2, created 2")
                .containsPattern("✗ Booking.com: .*503")
                .contains("1 failed");
        Cli.Result backedOff = cli.run("sync", "--allow-private", "--force");
        assertThat(backedOff.out()).contains("- Booking.com: not fetched, resting after 1 failure(s) until ");
        assertThat(backedOff.code()).isZero();
    }

    @Test
    void theSsrfGuardRefusesLoopbackFeedsWithoutAllowPrivate() {
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");

        Cli.Result result = cli.run("sync");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.out()).containsPattern("✗ Airbnb: .*refused.*loopback");
        assertThat(server.requestCount("/airbnb.ics")).isZero();
    }

    @Test
    void aLocalFileGivenAsAPlainPathIsSynced() throws Exception {
        Path file = Files.writeString(home.resolve("airbnb.ics"), airbnb());
        cli.run("calendars", "add", "seaview");
        assertThat(cli.run("feeds", "add", "--calendar", "seaview", file.toString())
                        .code())
                .isZero();

        Cli.Result result = cli.run("sync");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("✓ localfile: total 2, created 2");
    }

    @Test
    void aSyncWhileAnotherOwnerHoldsTheLeaseExitsFourAndChangesNothing() {
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");
        BokitJdbc.builder(new DriverManagerDataSource(cli.h2Url(), null, null))
                .build()
                .syncState()
                .acquireLease("web-2:4711", Duration.ofMinutes(15), Instant.now());

        Cli.Result plain = cli.run("sync", "--allow-private");
        Cli.Result forced = cli.run("sync", "--allow-private", "--force");

        for (Cli.Result result : List.of(plain, forced)) {
            assertThat(result.code()).as(result.toString()).isEqualTo(4);
            assertThat(result.err())
                    .startsWith("bokit-cli: a sync is already running (web-2:4711 holds the run lease until ")
                    .hasLineCount(1);
        }
        assertThat(server.requestCount("/airbnb.ics")).isZero();
        assertThat(cli.run("bookings", "list").out()).contains("No bookings match.");
        assertThat(cli.run("status").out()).contains("held by web-2:4711");
    }

    @Test
    void jsonOutputIsOneObjectWithFeedsAndTotals() {
        server.serve("/airbnb.ics", airbnb());
        server.fail("/booking.ics", 500);
        calendarWithFeed("/airbnb.ics");
        cli.addFeed("seaview", "seaview-booking", null, server.url("/booking.ics"));

        Cli.Result result = cli.run("sync", "--allow-private", "--json");

        assertThat(result.code()).isEqualTo(3);
        Map<String, Object> json = JsonParser.object(result.out());
        assertThat(json).containsEntry("result", "completed").containsEntry("errors", 1L);
        assertThat(json).containsKeys("startedAt", "finishedAt", "durationMillis", "totals");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> feeds = (List<Map<String, Object>>) json.get("feeds");
        assertThat(feeds).hasSize(2);
        assertThat(feeds.get(0)).containsEntry("id", "seaview-airbnb").containsEntry("outcome", "synced");
        assertThat(feeds.get(0).get("counters"))
                .isEqualTo(Map.of(
                        "total",
                        2L,
                        "created",
                        2L,
                        "updated",
                        0L,
                        "unchanged",
                        0L,
                        "deleted",
                        0L,
                        "vanished",
                        0L,
                        "skipped",
                        0L,
                        "conflicts",
                        0L));
        assertThat(feeds.get(1)).containsEntry("outcome", "failed");
        assertThat((String) feeds.get(1).get("error")).contains("500");

        Map<String, Object> notDue = JsonParser.object(cli.run("sync", "--json").out());
        assertThat(notDue).containsEntry("result", "not_due").containsKey("dueAfter");
    }

    @Test
    void anEmptyStoreSaysHowToAddAFeed() {
        Cli.Result result = cli.run("sync");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains("There are no feeds yet")
                .contains("bokit-cli calendars add")
                .contains("bokit-cli feeds add")
                .contains("bokit-cli demo");
        assertThat(JsonParser.object(cli.run("sync", "--json").out())).containsEntry("result", "no_feeds");
    }

    @Test
    void unknownFeedsAndCalendarsAreUsageErrors() {
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");

        Cli.Result feed = cli.run("sync", "--feed", "nope");
        Cli.Result calendar = cli.run("sync", "--calendar", "nope");

        assertThat(feed.code()).isEqualTo(2);
        assertThat(feed.err()).isEqualTo("bokit-cli: Unknown feed nope\n");
        assertThat(calendar.code()).isEqualTo(2);
        assertThat(calendar.err()).isEqualTo("bokit-cli: Unknown calendar nope\n");
        assertThat(server.requestCount("/airbnb.ics")).isZero();
    }

    @Test
    void syncsOnlyTheFeedsAndCalendarsAsked() {
        server.serve("/airbnb.ics", airbnb());
        server.serve("/other.ics", ICalFeedBuilder.airbnb().build());
        calendarWithFeed("/airbnb.ics");
        cli.run("calendars", "add", "harbour");
        cli.addFeed("harbour", "harbour-airbnb", "Other", server.url("/other.ics"));

        Cli.Result byFeed = cli.run("sync", "--allow-private", "--force", "--feed", "harbour-airbnb");
        Cli.Result byCalendar = cli.run("sync", "--allow-private", "--force", "--calendar", "seaview");

        assertThat(byFeed.out()).contains("✓ Other:").doesNotContain("Airbnb:");
        assertThat(byCalendar.out()).contains("✓ Airbnb:").doesNotContain("Other:");
    }

    @Test
    void disabledFeedsAreNotSynced() {
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");
        cli.run("feeds", "disable", "seaview-airbnb");

        Cli.Result result = cli.run("sync", "--allow-private");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("No enabled feed to sync");
        assertThat(server.requestCount("/airbnb.ics")).isZero();
    }
}
