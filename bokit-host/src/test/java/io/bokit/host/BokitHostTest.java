package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidOptionException;
import io.bokit.core.domain.StorageException;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.out.HostReservation;
import io.bokit.core.port.out.HostReservationsPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class BokitHostTest {
    private static final String URL = "https://www.airbnb.com/calendar/ical/1.ics?s=SECRET";

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemoryFeedSource feeds = new InMemoryFeedSource();

    @Test
    void wiresTheStoresOverADataSourceAndRegistersTheDeclaredFeeds() {
        feeds.serve(
                FeedUrl.parse(URL),
                ICalFeedBuilder.airbnb()
                        .reserved("a@airbnb.com", LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-12"))
                        .build());
        BokitSettings settings = BokitSettings.builder()
                .defaultInterval(Duration.ofMinutes(5))
                .installComplete(true)
                .calendar(
                        "sea",
                        new CalendarDeclaration(
                                "Sea View", "Europe/Lisbon", Map.of("airbnb", new FeedDeclaration(URL, null))))
                .build();

        try (BokitHost host = BokitHost.builder(settings)
                .dataSource(h2())
                .clock(clock)
                .fetcher(feeds)
                .build()) {
            assertThat(host.bokit().options().get("sync.interval").value()).isEqualTo("300");
            assertThat(host.bokit().options().get("install.complete").value()).isEqualTo("true");
            assertThat(host.bokit().feeds().feeds()).singleElement().satisfies(feed -> {
                assertThat(feed.id().value()).isEqualTo("airbnb");
                assertThat(feed.calendar().value()).isEqualTo("sea");
            });

            Map<String, Object> result = host.management().sync();

            assertThat(result).containsEntry("result", "completed");
            assertThat(host.bokit().bookings().find(io.bokit.core.domain.BookingQuery.all()))
                    .hasSize(1);
            assertThat(host.management().status().toString()).doesNotContain("SECRET");
        }
    }

    @Test
    void exportsTheHostsOwnReservationsGivenToTheBuilder() {
        BokitSettings settings = BokitSettings.builder()
                .calendar("sea", new CalendarDeclaration(null, null, Map.of()))
                .build();
        HostReservationsPort website = (calendar, from, to) -> List.of(
                HostReservation.stay("web-17", LocalDate.parse("2026-12-20"), LocalDate.parse("2026-12-23"), "Ada"));

        try (BokitHost host = BokitHost.builder(settings)
                .dataSource(h2())
                .clock(clock)
                .fetcher(feeds)
                .hostReservations(website)
                .build()) {
            String body = host.bokit()
                    .export()
                    .export(ExportCommand.of(CalendarKey.of("sea")))
                    .body();

            assertThat(body).contains("DTSTART;VALUE=DATE:20261220").contains("DTEND;VALUE=DATE:20261223");
        }
    }

    @Test
    void registeringAgainChangesNothing() {
        BokitSettings settings = BokitSettings.builder()
                .calendar("sea", new CalendarDeclaration(null, null, Map.of("airbnb", new FeedDeclaration(URL, null))))
                .build();
        JdbcDataSource dataSource = h2();
        BokitHost.builder(settings)
                .dataSource(dataSource)
                .fetcher(feeds)
                .build()
                .close();

        try (BokitHost again = BokitHost.builder(settings)
                .dataSource(dataSource)
                .fetcher(feeds)
                .build()) {
            assertThat(again.bokit().feeds().feeds()).hasSize(1);
            assertThat(again.bokit().feeds().calendars()).hasSize(1);
        }
    }

    @Test
    void withoutADataSourceSaysWhatIsMissing() {
        assertThatThrownBy(() -> BokitHost.builder(BokitSettings.defaults()).build())
                .isInstanceOf(BokitConfigurationException.class)
                .hasMessage(BokitHost.NO_DATA_SOURCE);
        assertThatThrownBy(() -> BokitHost.builder(BokitSettings.defaults())
                        .dataSource(() -> null)
                        .build())
                .hasMessage(BokitHost.NO_DATA_SOURCE);
    }

    @Test
    void needsNoDataSourceWhenEveryStoreIsGiven() {
        try (BokitHost host = inMemory(BokitSettings.defaults(), Runnable::run)) {
            assertThat(host.bokit().feeds().feeds()).isEmpty();
            assertThat(host.health().up()).isTrue();
        }
    }

    @Test
    void runsTheTriggeredSyncOnTheGivenExecutor() {
        List<Runnable> queued = new ArrayList<>();
        try (BokitHost host =
                inMemory(BokitSettings.builder().installComplete(true).build(), queued::add)) {
            host.trigger().afterResponse("/bookings");

            assertThat(queued).isNotEmpty();
        }
    }

    @Test
    void excludedPathsAndADisabledTriggerNeverReachTheHook() {
        List<Runnable> queued = new ArrayList<>();
        try (BokitHost host =
                inMemory(BokitSettings.builder().installComplete(true).build(), queued::add)) {
            host.trigger().afterResponse("/actuator/health");
            host.trigger().afterResponse("/static/site.css");
            assertThat(queued).isEmpty();
        }
        try (BokitHost host = inMemory(
                BokitSettings.builder()
                        .installComplete(true)
                        .triggerEnabled(false)
                        .build(),
                queued::add)) {
            host.trigger().afterResponse("/bookings");
            assertThat(queued).isEmpty();
        }
    }

    @Test
    void aBadOptionIsRefusedWithTheOptionsOwnMessage() {
        try (BokitHost host = inMemory(BokitSettings.defaults(), Runnable::run)) {
            assertThatThrownBy(() -> host.management().setOption("sync.interval", "abc"))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessageContaining("sync.interval");
            assertThatThrownBy(() -> host.management().setOption("no.such.key", "1"))
                    .isInstanceOf(InvalidOptionException.class);
            assertThat(host.management().setOption("sync.interval", "120"))
                    .containsEntry("key", "sync.interval")
                    .containsEntry("value", "120");
        }
    }

    @Test
    void healthIsDownWithAMaskedReasonWhenTheStoreFails() {
        OptionsPort broken = new OptionsPort() {
            @Override
            public Map<String, String> loadAll() {
                throw new StorageException("cannot read " + URL);
            }

            @Override
            public Optional<String> load(String key) {
                throw new StorageException("cannot read " + URL);
            }

            @Override
            public void store(String key, String value) {
                throw new StorageException("cannot write " + URL);
            }

            @Override
            public boolean remove(String key) {
                throw new StorageException("cannot write " + URL);
            }
        };
        try (BokitHost host = BokitHost.builder(BokitSettings.defaults())
                .options(broken)
                .syncState(new InMemorySyncState())
                .catalog(new InMemoryFeedCatalog())
                .bookings(new InMemoryBookingStore())
                .clock(clock)
                .fetcher(feeds)
                .executor(Runnable::run)
                .build()) {
            assertThat(host.health().up()).isFalse();
            assertThat(host.health().reason()).contains("cannot read").doesNotContain("SECRET");
        }
    }

    private BokitHost inMemory(BokitSettings settings, Executor executor) {
        return BokitHost.builder(settings)
                .options(new InMemoryOptions())
                .syncState(new InMemorySyncState())
                .catalog(new InMemoryFeedCatalog())
                .bookings(new InMemoryBookingStore())
                .clock(clock)
                .fetcher(feeds)
                .executor(executor)
                .build();
    }

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
