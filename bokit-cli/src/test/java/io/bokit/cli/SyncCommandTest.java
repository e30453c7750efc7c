package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.RunFeed;
import io.bokit.core.domain.RunLease;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.MutableClock;
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
    void syncRunsNowWhateverTheIntervalAndIfDueClaimsItAsAWebRequestWould() {
        // given a feed, synced once with --if-due, which claims the interval
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");
        Cli.Result claimed = cli.run("sync", "--allow-private", "--if-due");

        // when --if-due comes again within the interval, then a plain sync, then --force
        Cli.Result notDue = cli.run("sync", "--allow-private", "--if-due");
        Cli.Result notDueJson = cli.run("sync", "--allow-private", "--if-due", "--json");
        Cli.Result now = cli.run("sync", "--allow-private");
        Cli.Result nowJson = cli.run("sync", "--allow-private", "--json");
        Cli.Result forced = cli.run("sync", "--allow-private", "--force");

        // then --if-due synced and claimed once, then exited 5 without fetching; sync and --force fetched
        assertThat(claimed.code()).as(claimed.toString()).isZero();
        assertThat(claimed.out())
                .contains("✓ Airbnb: total 2, created 2")
                .contains("Claimed the interval, as a web request would: the next sync is due after ");
        assertThat(notDue.code()).as(notDue.toString()).isEqualTo(5);
        assertThat(notDue.out())
                .startsWith("Not due: the next sync is due after ")
                .contains("nothing was done");
        assertThat(notDueJson.code()).isEqualTo(5);
        assertThat(JsonParser.object(notDueJson.out()))
                .containsEntry("result", "not_due")
                .containsKey("dueAfter");
        assertThat(now.code()).as(now.toString()).isZero();
        assertThat(now.out())
                .contains("✓ Airbnb: not modified since the last sync (total 2)")
                .doesNotContain("Claimed");
        assertThat(JsonParser.object(nowJson.out()))
                .containsEntry("result", "completed")
                .containsEntry("claimed", false)
                .containsEntry("nextDue", null);
        assertThat(forced.code()).isZero();
        assertThat(forced.out()).contains("✓ Airbnb: not modified since the last sync (total 2)");
        assertThat(server.requestCount("/airbnb.ics")).isEqualTo(4);
    }

    @Test
    void ifDueAndForceContradictEachOther() {
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");

        Cli.Result result = cli.run("sync", "--allow-private", "--if-due", "--force");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("bokit-cli: --force and --if-due contradict each other: give one of them\n");
        assertThat(server.requestCount("/airbnb.ics")).isZero();
    }

    @Test
    void resetMakesTheNextSyncDue() {
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");
        cli.run("sync", "--allow-private", "--if-due");

        Cli.Result reset = cli.run("reset");
        Cli.Result sync = cli.run("sync", "--allow-private", "--if-due");

        assertThat(reset.code()).isZero();
        assertThat(reset.out()).contains("Forgot the last sync claim");
        assertThat(sync.code()).as(sync.toString()).isZero();
        assertThat(sync.out()).contains("✓ Airbnb:").contains("Claimed the interval");
    }

    @Test
    void aFeedNamedWithFeedIsFetchedAlthoughItRestsAfterAFailure() {
        // given a feed that failed, rests, and is fixed since
        server.fail("/airbnb.ics", 503);
        calendarWithFeed("/airbnb.ics");
        assertThat(cli.run("sync", "--allow-private").code()).isEqualTo(3);
        server.serve("/airbnb.ics", airbnb());

        // when a plain sync comes, then one naming the feed
        Cli.Result plain = cli.run("sync", "--allow-private");
        Cli.Result named = cli.run("sync", "--allow-private", "--feed", "seaview-airbnb");

        // then the plain one says how to retry it, the named one fetched and imported it
        assertThat(plain.out())
                .contains("- Airbnb: not fetched, resting after 1 failure(s) until ")
                .contains("; fetch it now with --feed seaview-airbnb or --retry-failed");
        assertThat(named.code()).as(named.toString()).isZero();
        assertThat(named.out()).contains("✓ Airbnb: total 2, created 2");
        assertThat(server.requestCount("/airbnb.ics")).isEqualTo(2);
    }

    @Test
    void retryFailedFetchesEveryRestingFeed() {
        // given two feeds, one resting after a failure and fixed since
        server.serve("/airbnb.ics", airbnb());
        server.fail("/booking.ics", 503);
        calendarWithFeed("/airbnb.ics");
        cli.addFeed("seaview", "seaview-booking", "Booking.com", server.url("/booking.ics"));
        cli.run("sync", "--allow-private");
        server.serve(
                "/booking.ics",
                ICalFeedBuilder.airbnb().reserved("K1", SOON, SOON.plusDays(1)).build());

        // when a sync retries the failed ones
        Cli.Result result = cli.run("sync", "--allow-private", "--retry-failed");

        // then the resting feed was fetched too
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("✓ Booking.com: total 1, created 1");
        assertThat(server.requestCount("/booking.ics")).isEqualTo(2);
    }

    @Test
    void aBackedOffFeedSaysWhyInJsonWithoutAnError() {
        server.fail("/airbnb.ics", 503);
        calendarWithFeed("/airbnb.ics");
        cli.run("sync", "--allow-private");

        Map<String, Object> json =
                JsonParser.object(cli.run("sync", "--allow-private", "--json").out());

        @SuppressWarnings("unchecked")
        Map<String, Object> feed = ((List<Map<String, Object>>) json.get("feeds")).get(0);
        assertThat(feed)
                .containsEntry("outcome", "backed_off")
                .containsEntry("error", null)
                .containsEntry("held", false);
        assertThat((String) feed.get("note"))
                .startsWith("resting after 1 failure until ")
                .contains("503");
        assertThat(feed.get("backoffUntil")).isNotNull();
    }

    @Test
    void aFeedHeldByTheEmptyFeedGuardSaysSoInTextJsonAndStatus() {
        // given a feed with future bookings that comes back empty
        server.serve("/airbnb.ics", airbnb());
        calendarWithFeed("/airbnb.ics");
        cli.run("sync", "--allow-private");
        server.serve("/airbnb.ics", ICalFeedBuilder.airbnb().build());

        // when it is synced, as text and (again) as JSON
        Cli.Result text = cli.run("sync", "--allow-private");
        Cli.Result json = cli.run("sync", "--allow-private", "--json");
        Cli.Result status = cli.run("status", "--json");

        // then neither says a plain "synced": the guard held it, and why
        assertThat(text.out())
                .contains("! Airbnb: total 0, created 0, updated 0, unchanged 0, deleted 0, vanished 0; held by the"
                        + " empty-feed guard: the feed came back empty (1 of 3 runs needed to believe it);"
                        + " nothing vanished");
        @SuppressWarnings("unchecked")
        Map<String, Object> feed =
                ((List<Map<String, Object>>) JsonParser.object(json.out()).get("feeds")).get(0);
        assertThat(feed)
                .containsEntry("outcome", "synced")
                .containsEntry("held", true)
                .containsEntry("error", null);
        assertThat((String) feed.get("note")).contains("came back empty (2 of 3 runs");
        @SuppressWarnings("unchecked")
        Map<String, Object> feedStatus =
                ((List<Map<String, Object>>) JsonParser.object(status.out()).get("feeds")).get(0);
        assertThat(feedStatus).containsEntry("state", "held");
        assertThat((String) feedStatus.get("lastError")).contains("came back empty");
        assertThat(cli.run("status").out()).containsPattern("seaview-airbnb .* held ");
    }

    @Test
    void skippedEventsSayWhyInTextAndJson() {
        // given a feed with an event without a start and a UID served twice
        server.serve(
                "/airbnb.ics",
                ICalFeedBuilder.airbnb()
                        .reserved("twice", SOON, SOON.plusDays(1))
                        .reserved("twice", SOON.plusDays(3), SOON.plusDays(4))
                        .raw("BEGIN:VEVENT\r\nUID:startless\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n")
                        .build());
        calendarWithFeed("/airbnb.ics");

        // when it is synced, then synced again as JSON after a change
        Cli.Result text = cli.run("sync", "--allow-private");

        // then the line gives the count and the reasons
        assertThat(text.out())
                .contains("✓ Airbnb: total 3, created 1, updated 0, unchanged 0, deleted 0, vanished 0, skipped 2"
                        + " (skipped: no DTSTART (UID startless); duplicate UID twice)");
        assertThat(cli.run("status").out())
                .contains("Skipped events (in the last body each feed served):\n"
                        + "  seaview-airbnb: 2 skipped (no DTSTART (UID startless); duplicate UID twice)\n");
        server.serve(
                "/airbnb.ics",
                ICalFeedBuilder.airbnb()
                        .raw("BEGIN:VEVENT\r\nUID:other\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n")
                        .build());
        @SuppressWarnings("unchecked")
        Map<String, Object> feed = ((List<Map<String, Object>>) JsonParser.object(
                                cli.run("sync", "--allow-private", "--json").out())
                        .get("feeds"))
                .get(0);
        assertThat(feed.get("skippedReasons")).isEqualTo(List.of("no DTSTART (UID other)"));
        @SuppressWarnings("unchecked")
        Map<String, Object> feedStatus = ((List<Map<String, Object>>)
                        JsonParser.object(cli.run("status", "--json").out()).get("feeds"))
                .get(0);
        assertThat(feedStatus)
                .containsEntry("skippedReasons", List.of("no DTSTART (UID other)"))
                .containsEntry("skipped", 1L);
    }

    @Test
    void theCliReadsNowFromItsClock() {
        // given a clock years away from the system's, and a feed that failed at its time
        MutableClock clock = MutableClock.at("2031-03-01T12:00:00Z");
        cli.clock(clock);
        server.fail("/airbnb.ics", 503);
        calendarWithFeed("/airbnb.ics");
        Map<String, Object> failed =
                JsonParser.object(cli.run("sync", "--allow-private", "--json").out());
        @SuppressWarnings("unchecked")
        Instant until = Instant.parse((String)
                ((List<Map<String, Object>>) failed.get("feeds")).get(0).get("backoffUntil"));

        // when the clock moves on 20 seconds and a sync comes
        clock.advance(Duration.ofSeconds(20));
        Cli.Result resting = cli.run("sync", "--allow-private");

        // then the back-off is counted from the clock's time, and how long is left from the clock's now
        assertThat(until)
                .isAfter(Instant.parse("2031-03-01T12:00:00Z"))
                .isBefore(Instant.parse("2031-03-01T13:00:00Z"));
        assertThat(resting.out()).contains("until " + Formats.instant(until, clock.now()));
        assertThat(cli.run("status").out()).contains(Formats.instant(until));
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
        Cli.Result backedOff = cli.run("sync", "--allow-private");
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
    void joinSyncsTheFeedsOfTheSharedRunAnotherNodeOpenedClosesItAndReleasesItsLease() {
        // given a shared run another node opened over the calendar's two feeds, holding the run lease
        server.serve("/airbnb.ics", airbnb());
        server.serve("/vrbo.ics", airbnb().replace("@airbnb.com", "@vrbo.com"));
        calendarWithFeed("/airbnb.ics");
        cli.addFeed("seaview", "seaview-vrbo", "Vrbo", server.url("/vrbo.ics"));
        BokitJdbc stores = BokitJdbc.builder(new DriverManagerDataSource(cli.h2Url(), null, null))
                .build();
        RunLease lease = stores.syncState()
                .acquireLease("web-2:4711", Duration.ofMinutes(15), Instant.now())
                .orElseThrow();
        stores.sharedRuns()
                .open(
                        "0123456789abcdef",
                        lease,
                        stores.feedCatalog().feeds().stream().map(RunFeed::of).toList(),
                        1);

        // when this process joins it
        Cli.Result joined = cli.run("sync", "--allow-private", "--join");

        // then it synced both feeds, closed the run with its report and released the lease; a second join finds none
        assertThat(joined.code()).as(joined.toString()).isZero();
        assertThat(joined.out())
                .startsWith("Joined shared run 01234567 opened by web-2:4711: synced 2 feeds. This process recorded"
                        + " its last result and closed it:")
                .contains("✓ Airbnb: total 2, created 2")
                .contains("✓ Vrbo: total 2, created 2");
        assertThat(stores.syncState().load().lease()).isNull();
        Cli.Result none = cli.run("sync", "--allow-private", "--join", "--json");
        assertThat(none.code()).isEqualTo(5);
        assertThat(JsonParser.object(none.out())).containsEntry("result", "no_open_run");
        assertThat(server.requestCount("/airbnb.ics")).isEqualTo(1);
        assertThat(cli.run("sync", "--join", "--feed", "seaview-vrbo").code()).isEqualTo(2);
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
        Cli.Result ifDue = cli.run("sync", "--allow-private", "--if-due");

        for (Cli.Result result : List.of(plain, forced, ifDue)) {
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

        Cli.Result claimed = cli.run("sync", "--allow-private", "--if-due", "--json");
        assertThat(JsonParser.object(claimed.out()))
                .containsEntry("claimed", true)
                .containsKey("nextDue");
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
