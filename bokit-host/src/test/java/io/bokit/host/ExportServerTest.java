package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.IssuedExport;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryExportLinks;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ExportServer} through {@link BokitHost} over the in-memory ports: headers, conditional requests, the
 * cache and its invalidation, counted in booking-store reads.
 */
class ExportServerTest {
    private static final CalendarKey SEAVIEW = CalendarKey.of("seaview");
    private static final FeedId AIRBNB = FeedId.of("seaview-airbnb");
    private static final FeedUrl AIRBNB_URL = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=secret");

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemoryFeedSource channels = new InMemoryFeedSource();
    private final CountingBookings bookings = new CountingBookings(new InMemoryBookingStore());
    private BokitHost host;

    private BokitHost host(BokitSettings.Builder settings) {
        host = BokitHost.builder(settings.calendar(
                                "seaview",
                                new CalendarDeclaration(
                                        "Sea View",
                                        "Europe/Lisbon",
                                        Map.of(
                                                AIRBNB.value(),
                                                new FeedDeclaration(
                                                        AIRBNB_URL.reveal().toString(), null))))
                        .build())
                .clock(clock)
                .options(new InMemoryOptions())
                .syncState(new InMemorySyncState())
                .catalog(new InMemoryFeedCatalog())
                .bookings(bookings)
                .exportLinks(new InMemoryExportLinks())
                .fetcher(channels)
                .executor(Runnable::run)
                .build();
        return host;
    }

    private BokitHost host() {
        return host(BokitSettings.builder());
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    private void channelHolds(LocalDate... checkIns) {
        ICalFeedBuilder feed = ICalFeedBuilder.airbnb();
        for (LocalDate checkIn : checkIns) {
            feed.reserved("r-" + checkIn + "@airbnb.com", checkIn, checkIn.plusDays(3));
        }
        channels.serve(AIRBNB_URL, feed.build());
        host.bokit().sync().sync(SyncCommand.forceAll());
    }

    private IssuedExport export() {
        return host.bokit().exportLinks().add(new AddExportCommand(SEAVIEW, null, false));
    }

    private ExportResponse get(IssuedExport export, String ifNoneMatch, String ifModifiedSince) {
        return host.exports().serve("GET", export.path("/bokit/ical"), ifNoneMatch, ifModifiedSince);
    }

    private static String text(ExportResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheExportWithItsTypeAStrongEtagAndLastModified() {
        // given
        host();
        channelHolds(LocalDate.of(2027, 2, 1));
        IssuedExport export = export();

        // when
        ExportResponse response = get(export, null, null);

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
                .containsEntry("Content-Type", "text/calendar; charset=utf-8")
                .containsEntry("Last-Modified", "Tue, 1 Dec 2026 10:00:00 GMT")
                .containsEntry("Content-Length", Integer.toString(response.bodyLength()));
        assertThat(response.headers().get("ETag")).matches("\"[A-Za-z0-9_-]{43}\"");
        assertThat(text(response))
                .isEqualTo(host.bokit()
                        .export()
                        .export(io.bokit.core.port.in.ExportCommand.of(SEAVIEW))
                        .body())
                .contains("DTSTART;VALUE=DATE:20270201");
    }

    @Test
    void aConditionalRequestForTheCurrentBodyIsA304ThatReadsNoBooking() {
        // given a served export
        host();
        channelHolds(LocalDate.of(2027, 2, 1));
        IssuedExport export = export();
        ExportResponse first = get(export, null, null);
        int reads = bookings.reads.get();

        // when
        ExportResponse byTag = get(export, first.headers().get("ETag"), null);
        ExportResponse byTagInAList =
                get(export, "\"other\", " + first.headers().get("ETag"), null);
        ExportResponse byDate = get(export, null, first.headers().get("Last-Modified"));
        ExportResponse cached = get(export, null, null);

        // then
        assertThat(List.of(byTag, byTagInAList, byDate)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(304);
            assertThat(response.bodyLength()).isZero();
            assertThat(response.headers()).containsEntry("ETag", first.headers().get("ETag"));
        });
        assertThat(cached.status()).isEqualTo(200);
        assertThat(cached.body()).isEqualTo(first.body());
        assertThat(bookings.reads.get()).as("booking store reads").isEqualTo(reads);
    }

    @Test
    void anOldTagOrAnEarlierDateGetsTheBody() {
        host();
        IssuedExport export = export();
        ExportResponse first = get(export, null, null);

        assertThat(get(export, "\"not-it\"", null).status()).isEqualTo(200);
        assertThat(get(export, null, "Tue, 1 Dec 2026 09:59:59 GMT").status()).isEqualTo(200);
        assertThat(get(export, "\"not-it\"", first.headers().get("Last-Modified"))
                        .status())
                .as("If-Modified-Since is ignored when If-None-Match is present")
                .isEqualTo(200);
        assertThat(get(export, null, "not a date").status()).isEqualTo(200);
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() {
        host();
        IssuedExport export = export();
        ExportResponse getAnswer = get(export, null, null);

        ExportResponse head = host.exports().serve("HEAD", export.path("/bokit/ical"), null, null);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bodyLength()).isZero();
        assertThat(head.headers()).isEqualTo(getAnswer.headers());
    }

    @Test
    void aSyncThatChangesTheCalendarsBookingsRebuildsTheBody() {
        // given a served and cached export
        host();
        channelHolds(LocalDate.of(2027, 2, 1));
        IssuedExport export = export();
        ExportResponse before = get(export, null, null);

        // when the channel adds a booking and bokit imports it an hour later
        clock.advance(Duration.ofHours(1));
        channelHolds(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 1));
        ExportResponse after = get(export, before.headers().get("ETag"), null);

        // then
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.headers().get("ETag")).isNotEqualTo(before.headers().get("ETag"));
        assertThat(after.headers()).containsEntry("Last-Modified", "Tue, 1 Dec 2026 11:00:00 GMT");
        assertThat(text(after)).contains("DTSTART;VALUE=DATE:20270301");
    }

    @Test
    void aNewBodyWithinTheSameSecondStillGetsALaterDate() {
        // given a served export
        host();
        IssuedExport export = export();
        ExportResponse before = get(export, null, null);

        // when a booking arrives in the same second
        clock.advance(Duration.ofMillis(300));
        channelHolds(LocalDate.of(2027, 2, 1));
        ExportResponse after = get(export, null, before.headers().get("Last-Modified"));

        // then a client that asks by date alone gets the new body
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.headers()).containsEntry("Last-Modified", "Tue, 1 Dec 2026 10:00:01 GMT");
    }

    @Test
    void aLocalBookingRebuildsTheBodyThoughItFiresNoSyncEvent() {
        // given a served and cached export
        host();
        IssuedExport export = export();
        ExportResponse before = get(export, null, null);

        // when the host takes a reservation itself
        host.bokit()
                .localBookings()
                .add(io.bokit.core.port.in.AddLocalBookingCommand.block(
                        SEAVIEW, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 3)));
        ExportResponse after = get(export, before.headers().get("ETag"), null);

        // then
        assertThat(after.status()).isEqualTo(200);
        assertThat(text(after)).contains("DTSTART;VALUE=DATE:20270401");
    }

    @Test
    void aRebuildOfTheSameBodyKeepsItsTagAndDate() {
        // given
        host();
        channelHolds(LocalDate.of(2027, 2, 1));
        IssuedExport export = export();
        ExportResponse first = get(export, null, null);
        int reads = bookings.reads.get();

        // when the host says it changed the calendar, and later the cache grows old
        clock.advance(Duration.ofMinutes(1));
        host.exports().invalidate(SEAVIEW);
        ExportResponse invalidated = get(export, first.headers().get("ETag"), null);
        clock.advance(ExportServer.MAX_CACHE_AGE.plusSeconds(1));
        ExportResponse aged = get(export, null, first.headers().get("Last-Modified"));

        // then each read the bookings again, found the same body and answered 304
        assertThat(invalidated.status()).isEqualTo(304);
        assertThat(aged.status()).isEqualTo(304);
        assertThat(aged.headers())
                .isEqualTo(first.headers().entrySet().stream()
                        .filter(e -> !e.getKey().startsWith("Content-"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(bookings.reads.get()).isGreaterThan(reads);
    }

    @Test
    void anUnknownRotatedRemovedOrMalformedTokenAndOtherMethodsAreABare404() {
        // given
        host();
        IssuedExport rotated = export();
        IssuedExport current = host.bokit().exportLinks().rotate(rotated.link().id());
        IssuedExport removed = export();
        host.bokit().exportLinks().remove(removed.link().id());

        // then
        List<ExportResponse> answers = List.of(
                get(rotated, null, null),
                get(removed, null, null),
                host.exports().serve("GET", "/bokit/ical/" + "A".repeat(43) + ".ics", null, null),
                host.exports().serve("GET", "/bokit/ical/short.ics", null, null),
                host.exports().serve("GET", "/bokit/ical/a/b.ics", null, null),
                host.exports().serve("GET", "/bokit/ical/" + current.token().reveal(), null, null),
                host.exports().serve("POST", current.path("/bokit/ical"), null, null),
                host.exports().serve("DELETE", current.path("/bokit/ical"), null, null));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.notFoundAnswer()).isTrue();
            assertThat(answer.headers()).isEmpty();
            assertThat(answer.bodyLength()).isZero();
        });
        assertThat(get(current, null, null).status()).isEqualTo(200);
    }

    @Test
    void anExportWhoseTargetFeedWasRemovedIsA404OnceRebuilt() {
        host();
        IssuedExport export = host.bokit().exportLinks().add(new AddExportCommand(SEAVIEW, AIRBNB, false));
        assertThat(get(export, null, null).status()).isEqualTo(200);

        host.bokit().feeds().removeFeed(AIRBNB);
        host.exports().invalidate(SEAVIEW);

        assertThat(get(export, null, null).notFoundAnswer()).isTrue();
    }

    @Test
    void aDisabledServerAnswers404ToEveryToken() {
        host(BokitSettings.builder().exportEnabled(false));
        IssuedExport export = export();

        assertThat(host.exports().enabled()).isFalse();
        assertThat(get(export, null, null).status()).isEqualTo(404);
    }

    @Test
    void exportRequestsNeverCountAsPageViewsOnTheDefaultOrAnotherPath() {
        host();
        assertThat(host.trigger().excludes("/bokit/ical/" + "A".repeat(43) + ".ics"))
                .isTrue();
        assertThat(host.trigger().excludes("/rooms")).isFalse();
        host.close();

        host(BokitSettings.builder().exportPath("/channels/cal/").excludedPaths(List.of("/actuator/**")));
        assertThat(host.exports().path()).isEqualTo("/channels/cal");
        assertThat(host.trigger().excludes("/channels/cal/" + "A".repeat(43) + ".ics"))
                .isTrue();
        assertThat(host.trigger().excludes("/bokit/ical/x.ics")).isFalse();
        IssuedExport export = export();
        assertThat(host.exports()
                        .serve("GET", export.path("/channels/cal"), null, null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aStoreThatFailsIsA503WithoutTheToken() {
        host();
        IssuedExport export = export();
        bookings.failing = true;

        ExportResponse answer = get(export, null, null);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers().toString()).doesNotContain(export.token().reveal());
    }

    /** A booking store that counts the reads of bookings and history, and can fail them. */
    private static final class CountingBookings implements BookingStorePort {
        private final BookingStorePort delegate;
        final AtomicInteger reads = new AtomicInteger();
        volatile boolean failing;

        CountingBookings(BookingStorePort delegate) {
            this.delegate = delegate;
        }

        private void read() {
            reads.incrementAndGet();
            if (failing) {
                throw new io.bokit.core.domain.StorageException("the database is down");
            }
        }

        @Override
        public List<Booking> loadFeedBookings(FeedId feed) {
            read();
            return delegate.loadFeedBookings(feed);
        }

        @Override
        public void apply(FeedChangeSet changes) {
            delegate.apply(changes);
        }

        @Override
        public List<Booking> find(BookingQuery query) {
            read();
            return delegate.find(query);
        }

        @Override
        public List<BookingChange> history(HistoryQuery query) {
            read();
            return delegate.history(query);
        }
    }
}
