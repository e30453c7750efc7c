package io.bokit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Backoff;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.servlet.BokitExportServlet;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.jdbc.TestDatabase;
import io.bokit.reliability.FaultyFeedServer.Answer;
import io.bokit.reliability.LoopChannel.Style;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-way loop, simulated end to end: three channels ({@link LoopChannel}) each import bokit's export for them
 * over real HTTP from {@link BokitExportServlet} on an embedded Tomcat on 127.0.0.1, on their own schedules, and serve
 * their feeds (their reservations plus the blocks they imported, under UIDs of their own) from a {@link
 * FaultyFeedServer} each, on three loopback addresses; bokit syncs every interval through the whole stack ({@link
 * BokitHost} over bokit-jdbc's stores on a real database, double-booking records included, the HTTP fetcher). A
 * seeded {@link LoopScenario} sells, cancels and moves stays and injects feed faults; the clock is a {@link
 * MutableClock} moved an hour per interval, nothing sleeps. A {@link LoopObserver} counts what the loop must
 * guarantee, and the test fails on any miss.
 *
 * <p>System properties: {@code bokit.loop.intervals} (default {@value #DEFAULT_INTERVALS}) and {@code
 * bokit.loop.seed} (default {@value #DEFAULT_SEED}); the seed is printed with the counts.
 */
abstract class LoopSimulationTests {
    static final int DEFAULT_INTERVALS = 96;
    static final long DEFAULT_SEED = 20251128L;

    private static final String PREFIX = "bokit_";
    private static final Instant START = Instant.parse("2030-06-15T00:30:00Z");
    private static final CalendarKey CALENDAR = CalendarKey.of("seaview");
    private static final String PATH = "/calendar/ical/seaview.ics";
    private static final String TOKEN = "s3cr3t-LOOP-7c2e";
    private static final long MAX_BODY_BYTES = 64 * 1024;
    /** Tomcat logs its start and stop through java.util.logging; kept here so the setting is not collected. */
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    @TempDir
    Path tomcatDir;

    private final MutableClock clock = new MutableClock(START);
    private TestDatabase database;
    private BokitJdbc stores;
    private BokitHost host;
    private Tomcat tomcat;
    private final Map<FeedId, FaultyFeedServer> feedServers = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** The database the simulation runs on, new and empty. */
    abstract TestDatabase open();

    @BeforeEach
    void start() {
        database = open();
        stores = database.initialize(PREFIX);
    }

    @AfterEach
    void stop() throws LifecycleException {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (host != null) {
            host.close();
        }
        feedServers.values().forEach(FaultyFeedServer::close);
        database.close();
    }

    @Test
    void everySaleIsBlockedAndEveryCancellationFreedEverywhereWithNoGhostNoEchoAndNoBookingLost() {
        long seed = Long.getLong("bokit.loop.seed", DEFAULT_SEED);
        int intervals = Integer.getInteger("bokit.loop.intervals", DEFAULT_INTERVALS);
        List<LoopChannel> channels = List.of(
                new LoopChannel(FeedId.of("airbnb"), Style.AIRBNB, 3, 0, seed + 1),
                new LoopChannel(FeedId.of("booking"), Style.BOOKING, 2, 1, seed + 2),
                new LoopChannel(FeedId.of("vrbo"), Style.VRBO, 4, 2, seed + 3));
        LoopObserver observer = new LoopObserver(channels);
        LoopScenario scenario = new LoopScenario(seed);
        wire(channels, observer);
        int quiet = LoopObserver.FREE_WITHIN_PERIODS
                        * channels.stream().mapToInt(LoopChannel::period).max().orElseThrow()
                + 2;

        long started = System.nanoTime();
        for (int interval = 0; interval < intervals + quiet; interval++) {
            clock.set(START.plus(Duration.ofHours(interval)));
            LocalDate today = today();
            boolean scripted = interval < intervals;
            if (scripted) {
                scenario.act(interval, today, channels, observer);
            }
            Map<FeedId, FeedFault> faults = new HashMap<>();
            for (LoopChannel channel : channels) {
                FeedFault fault = scripted ? scenario.faultFor(channel, interval) : null;
                serve(channel, fault, today);
                if (fault != null) {
                    faults.put(channel.feed(), fault);
                }
            }
            Map<String, Booking> before = bookings();
            SyncReport report = sync();
            observer.afterRun(
                    interval,
                    today,
                    report,
                    faults,
                    before,
                    bookings(),
                    stores.doubleBookings().listOpen(CALENDAR));
            for (LoopChannel channel : channels) {
                if (channel.readsAt(interval)) {
                    channel.reread(http);
                }
            }
            observer.afterReads(interval, today);
        }
        observer.finish(intervals + quiet, today(), bookings().values());
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println(observer.summary(database.toString(), seed, intervals, quiet, millis));
        assertThat(observer.problems())
                .as("the loop's guarantees (seed %d, -Dbokit.loop.seed=%d replays it)", seed, seed)
                .isEmpty();
    }

    /** The host over the database's stores, the channels' feeds and exports, and Tomcat serving the exports. */
    private void wire(List<LoopChannel> channels, LoopObserver observer) {
        HttpFeedFetcher fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                .allowLoopback()
                .requestTimeout(Duration.ofSeconds(1))
                .maxBodyBytes(MAX_BODY_BYTES)
                .clock(clock)
                .build());
        host = BokitHost.builder(BokitSettings.defaults())
                .options(stores.options())
                .syncState(stores.syncState())
                .catalog(stores.feedCatalog())
                .bookings(stores.bookingStore())
                .exportLinks(stores.exportLinks())
                .doubleBookings(stores.doubleBookings())
                .fetcher(fetcher)
                .clock(clock)
                .executor(Runnable::run)
                .listener(observer)
                .customizer(core -> core.backoff(Backoff.DEFAULT).jitter(() -> 1.0))
                .build();
        Bokit bokit = host.bokit();
        bokit.feeds().addCalendar(new AddCalendarCommand(CALENDAR, "Sea view", ZoneOffset.UTC));
        URI base = startTomcat();
        int address = 1;
        for (LoopChannel channel : channels) {
            FaultyFeedServer server = FaultyFeedServer.start("127.0.0." + address++);
            feedServers.put(channel.feed(), server);
            bokit.feeds().addFeed(new AddFeedCommand(CALENDAR, channel.feed(), server.url(PATH + "?s=" + TOKEN), null));
            String path = bokit.exportLinks()
                    .add(new AddExportCommand(CALENDAR, channel.feed(), false))
                    .path(host.exports().path());
            channel.exportAt(base.resolve(path));
        }
    }

    private URI startTomcat() {
        TOMCAT_LOG.setLevel(Level.SEVERE);
        tomcat = new Tomcat();
        tomcat.setBaseDir(tomcatDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", tomcatDir.toString());
        Tomcat.addServlet(context, "bokit-export", new BokitExportServlet(host.exports()));
        context.addServletMappingDecoded(host.exports().path() + "/*", "bokit-export");
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not start", e);
        }
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
    }

    /** Serves a channel's feed as it is now, or the fault the script chose. */
    private void serve(LoopChannel channel, FeedFault fault, LocalDate today) {
        String good = channel.feedBody(today);
        Answer answer = fault == null
                ? Answer.calendar(good)
                : fault.answer(new FeedFault.Bodies(
                        good, good, ICalFeedBuilder.airbnb().build(), big(good)));
        feedServers.get(channel.feed()).answer(PATH, answer);
    }

    private SyncReport sync() {
        SyncResult result = host.bokit().sync().sync(SyncCommand.forceAll());
        assertThat(result).isInstanceOf(SyncResult.Completed.class);
        return ((SyncResult.Completed) result).report();
    }

    private Map<String, Booking> bookings() {
        return host.bokit().bookings().find(new BookingQuery(CALENDAR, null, null, Set.of(), true)).stream()
                .collect(Collectors.toMap(
                        booking -> booking.feed().value() + "/" + booking.key().uid(), Function.identity()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    }

    /** A valid calendar over the fetcher's size cap: the good one with filler events far in the past. */
    private static String big(String good) {
        ICalFeedBuilder feed = ICalFeedBuilder.airbnb();
        for (int i = 0; i < 700; i++) {
            LocalDate checkIn = LocalDate.of(2001, 1, 1).plusDays(2L * i);
            feed.reserved("filler-" + i + "@airbnb.com", checkIn, checkIn.plusDays(1));
        }
        String body = good.replace("END:VCALENDAR\r\n", "")
                + feed.build().substring(feed.build().indexOf("BEGIN:VEVENT"));
        assertThat(body.length()).isGreaterThan((int) MAX_BODY_BYTES);
        return body;
    }
}
