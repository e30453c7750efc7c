package io.bokit.host.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.DoubleBookingsPort;
import io.bokit.core.port.out.ExportLinksPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.host.BokitConfigurationException;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.testkit.HostileValues;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryDoubleBookings;
import io.bokit.testkit.InMemoryExportLinks;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator's page without a framework: what it shows, what it escapes, what it reads, and its actions. */
class DashboardTest {
    private static final String SECRET = "S3CRET-TOKEN-77";
    private static final LocalDate TODAY = LocalDate.parse("2026-07-10");
    private static final Principal ADA = () -> "ada";
    private static final DashboardGuard ONLY_ADA = request ->
            request.principal() != null && request.principal().getName().equals("ada")
                    ? DashboardGuard.Access.allowed("ada")
                    : DashboardGuard.Access.refused(401, Map.of("WWW-Authenticate", "Basic realm=\"bokit\""));

    private final MutableClock clock = MutableClock.at("2026-07-10T09:00:00Z");
    private final InMemoryFeedSource source = new InMemoryFeedSource();
    private final AtomicInteger portCalls = new AtomicInteger();
    private final List<BokitHost> hosts = new ArrayList<>();

    @AfterEach
    void close() {
        hosts.forEach(BokitHost::close);
    }

    private BokitHost host(DashboardGuard guard) {
        return host(
                guard,
                BokitSettings.builder()
                        .installComplete(true)
                        .dashboardEnabled(true)
                        .build());
    }

    private BokitHost host(DashboardGuard guard, BokitSettings settings) {
        BokitHost host = BokitHost.builder(settings)
                .options(counted(OptionsPort.class, new InMemoryOptions()))
                .syncState(counted(SyncStatePort.class, new InMemorySyncState()))
                .catalog(counted(FeedCatalogPort.class, new InMemoryFeedCatalog()))
                .bookings(counted(BookingStorePort.class, new InMemoryBookingStore()))
                .exportLinks(counted(ExportLinksPort.class, new InMemoryExportLinks()))
                .doubleBookings(counted(DoubleBookingsPort.class, new InMemoryDoubleBookings()))
                .fetcher(source)
                .clock(clock)
                .executor(Runnable::run)
                .dashboardGuard(guard)
                .build();
        hosts.add(host);
        return host;
    }

    /** The port, counting every call made to it. */
    private <T> T counted(Class<T> type, T port) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            portCalls.incrementAndGet();
            try {
                return method.invoke(port, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    /** A calendar {@code sea} with an Airbnb feed (two stays) and a Booking.com one overlapping the first. */
    private void seaView(BokitHost host) {
        List<FeedUrl> urls = seaViewFeeds(host);
        FeedUrl airbnb = urls.get(0);
        FeedUrl booking = urls.get(1);
        source.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("HM1", TODAY.minusDays(2), TODAY.plusDays(3))
                        .reserved("HM2", TODAY.plusDays(10), TODAY.plusDays(14))
                        .build());
        source.serve(
                booking,
                ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                        .event("B7", TODAY.plusDays(1), TODAY.plusDays(4), "CLOSED - Maria Silva")
                        .build());
    }

    /** The calendar {@code sea} and its Airbnb and Booking.com feeds, not served yet; returns their URLs in that order. */
    private static List<FeedUrl> seaViewFeeds(BokitHost host) {
        host.bokit().feeds().addCalendar(new AddCalendarCommand(CalendarKey.of("sea"), "Sea View", ZoneId.of("UTC")));
        FeedUrl airbnb = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=" + SECRET);
        FeedUrl booking = FeedUrl.parse("https://admin.booking.com/ical/2.ics?t=" + SECRET);
        host.bokit().feeds().addFeed(new AddFeedCommand(CalendarKey.of("sea"), FeedId.of("airbnb"), airbnb, "Airbnb"));
        host.bokit()
                .feeds()
                .addFeed(new AddFeedCommand(CalendarKey.of("sea"), FeedId.of("booking"), booking, "Booking.com"));
        return List.of(airbnb, booking);
    }

    private static DashboardRequest get(String path, Principal principal) {
        return new DashboardRequest("GET", path, "", Map.of(), Map.of(), principal, null, null);
    }

    private static DashboardRequest post(String path, Map<String, String> form) {
        return new DashboardRequest("POST", path, "/app", Map.of(), form, ADA, null, null);
    }

    private static String csrfOf(String html) {
        int at = html.indexOf("name=\"csrf\" value=\"");
        assertThat(at).as("a CSRF field in the page").isPositive();
        int start = at + "name=\"csrf\" value=\"".length();
        return html.substring(start, html.indexOf('"', start));
    }

    @Test
    void listsTheFirstHundredOpenDoubleBookingsAndCountsThemAll() {
        // given two channels of one calendar that hold the same 101 one-night stays
        BokitHost host = host(ONLY_ADA);
        List<FeedUrl> urls = seaViewFeeds(host);
        ICalFeedBuilder airbnbStays = ICalFeedBuilder.airbnb();
        ICalFeedBuilder bookingStays = ICalFeedBuilder.withProdId("-//admin.booking.com//EN");
        for (int night = 0; night < DashboardPage.MAX_DOUBLE_BOOKINGS + 1; night++) {
            airbnbStays.reserved("HM" + night, TODAY.plusDays(night), TODAY.plusDays(night + 1));
            bookingStays.event("B" + night, TODAY.plusDays(night), TODAY.plusDays(night + 1), "CLOSED - Guest");
        }
        source.serve(urls.get(0), airbnbStays.build());
        source.serve(urls.get(1), bookingStays.build());
        host.management().sync();

        // when
        String html = host.dashboard().orElseThrow().handle(get("/bokit", ADA)).body();

        // then the caption counts all 101, the table lists 100, and the page says where the rest are
        String section = html.substring(html.indexOf("<section id=\"double-bookings\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section)
                .contains("101 double bookings to resolve")
                .contains("The first 100 are listed; <code>bokit-cli overlaps list</code> lists them all.");
        assertThat(section.split("<tr><th scope=\"row\">", -1)).hasSize(DashboardPage.MAX_DOUBLE_BOOKINGS + 1);
    }

    @Test
    void showsTheStatusEveryFeedsHealthTheDoubleBookingTheTimelineTheExportAndTheHistory() {
        // given a synced calendar whose two feeds overlap, a failed third feed, and an export
        BokitHost host = host(ONLY_ADA);
        seaView(host);
        FeedUrl broken = FeedUrl.parse("https://ical.vrbo.com/4.ics?key=" + SECRET);
        host.bokit().feeds().addFeed(new AddFeedCommand(CalendarKey.of("sea"), FeedId.of("vrbo"), broken, "Vrbo"));
        source.fail(broken, 500, "Server error at " + broken.reveal(), null);
        host.management().sync();
        host.bokit().exportLinks().add(new AddExportCommand(CalendarKey.of("sea"), FeedId.of("airbnb"), false));

        // when
        DashboardResponse page = host.dashboard().orElseThrow().handle(get("/bokit", ADA));

        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers())
                .containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-store")
                // a browser then sends the page's origin with its forms (Micronaut on localhost refuses "null")
                .containsEntry("Referrer-Policy", "same-origin");
        assertThat(page.headers().get("Content-Security-Policy"))
                .contains("default-src 'none'", "frame-ancestors 'none'");
        String html = page.body();
        assertThat(html)
                .contains("signed in as <strong>ada</strong>")
                .contains("Complete: automatic syncs are on", "1 hour (3600 s)")
                .contains("3 feeds", "Airbnb", "Booking.com", "Vrbo")
                .contains("https://www.airbnb.com/calendar/ical/1.ics?…")
                .contains(">OK<", ">Resting after failures<", "Failed: HTTP 500")
                .contains("1 double booking to resolve")
                .contains("Maria Silva", "Sea View")
                .contains("1 export", "/bokit/ical/", "Copy")
                .contains("created")
                .contains("Finished ", "3 feeds, 3 created", "1 error")
                .doesNotContain(SECRET);
        assertThat(html).contains("<main id=\"main\">", "<th scope=\"col\">Feed</th>", "<caption>");
    }

    @Test
    void readsEachSectionWithTheSameNumberOfPortCallsWhateverTheNumberOfFeedsAndBookings() {
        assertThat(portCallsOfOnePage(2)).isEqualTo(portCallsOfOnePage(20));
    }

    private int portCallsOfOnePage(int feeds) {
        BokitHost host = host(ONLY_ADA);
        host.bokit().feeds().addCalendar(new AddCalendarCommand(CalendarKey.of("sea"), "Sea View", ZoneId.of("UTC")));
        for (int i = 0; i < feeds; i++) {
            FeedUrl url = FeedUrl.parse("https://feeds.example.com/" + i + ".ics");
            host.bokit().feeds().addFeed(new AddFeedCommand(CalendarKey.of("sea"), FeedId.of("f" + i), url, "F" + i));
            ICalFeedBuilder feed = ICalFeedBuilder.airbnb();
            for (int b = 0; b < 5; b++) {
                feed.reserved("u" + i + "-" + b, TODAY.plusDays(b * 5L), TODAY.plusDays(b * 5L + 2));
            }
            source.serve(url, feed.build());
        }
        host.management().sync();
        Dashboard dashboard = host.dashboard().orElseThrow();
        portCalls.set(0);

        String html = dashboard.handle(get("/bokit", ADA)).body();

        assertThat(html).contains(feeds + " feeds");
        return portCalls.get();
    }

    @Test
    void escapesEveryHostileValueWhereverItIsShown() {
        BokitHost host = host(ONLY_ADA);
        int index = 0;
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, String> hostile : HostileValues.all().entrySet()) {
            index++;
            String value = hostile.getValue();
            CalendarKey calendar = CalendarKey.of("c" + index);
            try {
                host.bokit().feeds().addCalendar(new AddCalendarCommand(calendar, value, ZoneId.of("UTC")));
            } catch (RuntimeException refusedByTheDomain) {
                host.bokit().feeds().addCalendar(new AddCalendarCommand(calendar, "C" + index, ZoneId.of("UTC")));
            }
            FeedUrl url = FeedUrl.parse("https://feeds.example.com/" + index + ".ics?token=" + SECRET);
            try {
                host.bokit().feeds().addFeed(new AddFeedCommand(calendar, FeedId.of("f" + index), url, value));
            } catch (RuntimeException refusedByTheDomain) {
                host.bokit().feeds().addFeed(new AddFeedCommand(calendar, FeedId.of("f" + index), url, "F" + index));
            }
            if (index % 2 == 0) {
                source.fail(url, 500, value, null);
            } else {
                source.serve(
                        url,
                        ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                                .event("uid-" + index, TODAY, TODAY.plusDays(2), "CLOSED - " + value.replace('\n', ' '))
                                .build());
            }
            shown.add(hostile.getKey());
        }
        host.management().sync();

        String html = host.dashboard().orElseThrow().handle(get("/bokit", ADA)).body();

        assertThat(shown).hasSize(HostileValues.all().size());
        assertThat(html)
                .doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("O&#39;Brien &quot;the guest&quot;")
                .doesNotContain(SECRET);
        // the only script element is the page's own
        assertThat(html.split("<script", -1)).hasSize(2);
        assertThat(html.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t')).isEmpty();
        assertThat(html.chars().filter(c -> c >= 0x7f && c < 0xa0)).isEmpty();
        assertThat(html).doesNotContain("\uD800y", "\uDC00tail");
        assertThat(html.length()).as("a huge value is cut").isLessThan(200_000);
    }

    @Test
    void refusesWhomTheGuardRefusesBeforeReadingAnything() {
        BokitHost host = host(ONLY_ADA);
        portCalls.set(0);

        DashboardResponse page = host.dashboard().orElseThrow().handle(get("/bokit", () -> "mallory"));
        DashboardResponse anonymous = host.dashboard().orElseThrow().handle(get("/bokit", null));

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"bokit\"");
        assertThat(page.body()).doesNotContain("<html");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(portCalls).hasValue(0);
    }

    @Test
    void aGuardThatThrowsRefusesTheRequest() {
        BokitHost host = host(request -> {
            throw new IllegalStateException("broken guard");
        });

        assertThat(host.dashboard().orElseThrow().handle(get("/bokit", ADA)).status())
                .isEqualTo(403);
    }

    @Test
    void syncNowRunsASyncAndSendsTheOperatorBackToThePageWhichShowsItsResult() {
        BokitHost host = host(ONLY_ADA);
        seaView(host);
        Dashboard dashboard = host.dashboard().orElseThrow();
        String csrf = csrfOf(dashboard.handle(get("/bokit", ADA)).body());

        DashboardResponse answer = dashboard.handle(post("/bokit/sync", Map.of("csrf", csrf)));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.headers()).containsEntry("Location", "/app/bokit?done=synced");
        assertThat(host.bokit().lastReport())
                .hasValueSatisfying(
                        report -> assertThat(report.totals().created()).isEqualTo(3));
        String page = dashboard
                .handle(new DashboardRequest(
                        "GET", "/bokit", "/app", Map.of("done", "synced"), Map.of(), ADA, null, null))
                .body();
        assertThat(page).contains("The sync finished", "2 feeds, 3 created", "0 errors", "Maria Silva");
        assertThat(page).contains("action=\"/app/bokit/sync\"");
    }

    @Test
    void aPostWithoutTheCsrfTokenOrWithAnotherOperatorsOrAnExpiredOneIsRefusedAndChangesNothing() {
        BokitHost host = host(
                request -> DashboardGuard.Access.allowed(request.principal().getName()));
        seaView(host);
        Dashboard dashboard = host.dashboard().orElseThrow();
        String bobs = csrfOf(dashboard.handle(get("/bokit", () -> "bob")).body());
        String adas = csrfOf(dashboard.handle(get("/bokit", ADA)).body());

        DashboardResponse none = dashboard.handle(post("/bokit/sync", Map.of()));
        DashboardResponse forged = dashboard.handle(post("/bokit/sync", Map.of("csrf", adas + "x")));
        DashboardResponse another = dashboard.handle(post("/bokit/feeds/airbnb/disable", Map.of("csrf", bobs)));
        clock.advance(CsrfTokens.LIFETIME.plus(Duration.ofSeconds(1)));
        DashboardResponse expired = dashboard.handle(post("/bokit/reset", Map.of("csrf", adas)));

        assertThat(List.of(none, forged, another, expired)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).contains("reload the page");
        });
        assertThat(host.bokit().lastReport()).isEmpty();
        assertThat(host.bokit().feeds().feed(FeedId.of("airbnb")).enabled()).isTrue();
    }

    @Test
    void disablesAndEnablesAFeedAndResetsTheLastClaim() {
        BokitHost host = host(ONLY_ADA);
        seaView(host);
        Dashboard dashboard = host.dashboard().orElseThrow();
        host.bokit().sync().sync(new io.bokit.core.port.in.SyncCommand(io.bokit.core.port.in.SyncScope.all(), false));
        assertThat(host.bokit().status().status().lastClaim()).isNotNull();
        String csrf = csrfOf(dashboard.handle(get("/bokit", ADA)).body());

        DashboardResponse disabled = dashboard.handle(post("/bokit/feeds/airbnb/disable", Map.of("csrf", csrf)));
        assertThat(host.bokit().feeds().feed(FeedId.of("airbnb")).enabled()).isFalse();
        assertThat(dashboard.handle(get("/bokit", ADA)).body()).contains(">Disabled<", "aria-label=\"Enable Airbnb\"");
        DashboardResponse enabled = dashboard.handle(post("/bokit/feeds/airbnb/enable", Map.of("csrf", csrf)));
        DashboardResponse reset = dashboard.handle(post("/bokit/reset", Map.of("csrf", csrf)));
        DashboardResponse unknown = dashboard.handle(post("/bokit/feeds/nope/enable", Map.of("csrf", csrf)));

        assertThat(disabled.headers()).containsEntry("Location", "/app/bokit?done=disabled");
        assertThat(enabled.headers()).containsEntry("Location", "/app/bokit?done=enabled");
        assertThat(host.bokit().feeds().feed(FeedId.of("airbnb")).enabled()).isTrue();
        assertThat(reset.headers()).containsEntry("Location", "/app/bokit?done=reset");
        assertThat(host.bokit().status().status().lastClaim()).isNull();
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void answersOnlyItsOwnRoutesAndMethods() {
        Dashboard dashboard = host(ONLY_ADA).dashboard().orElseThrow();

        assertThat(dashboard
                        .handle(new DashboardRequest("DELETE", "/bokit", "", null, null, ADA, null, null))
                        .status())
                .isEqualTo(405);
        assertThat(dashboard.handle(get("/bokit/sync", ADA)).status()).isEqualTo(405);
        assertThat(dashboard.handle(get("/bokit/other", ADA)).status()).isEqualTo(404);
        assertThat(dashboard.handles("/bokit/ical/abc.ics")).isFalse();
        assertThat(dashboard.handles("/bokitx")).isFalse();
        assertThat(dashboard.handles("/bokit/")).isTrue();
    }

    @Test
    void enablingThePageWithoutAGuardFailsAtStartupSayingHowToProvideOne() {
        assertThatThrownBy(() -> host(null))
                .isInstanceOf(BokitConfigurationException.class)
                .hasMessageStartingWith("Invalid bokit.dashboard.enabled: is true, but nothing guards the page")
                .hasMessageContaining("Spring Security", "DashboardGuard", "docs/dashboard.md");
    }

    @Test
    void thePageIsOffByDefaultAndItsRequestsNeverTriggerEvenWhenTheExcludedPathsLeaveItOut() {
        assertThat(host(null, BokitSettings.defaults()).dashboard()).isEmpty();

        BokitHost host = host(
                ONLY_ADA,
                BokitSettings.builder()
                        .dashboardEnabled(true)
                        .dashboardPath("/ops/calendars")
                        .excludedPaths(List.of())
                        .build());

        assertThat(host.trigger().excludes("/ops/calendars")).isTrue();
        assertThat(host.trigger().excludes("/ops/calendars/sync")).isTrue();
        assertThat(host.trigger().excludes("/ops")).isFalse();
    }
}
