package io.bokit.host.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BokitObservationsTest {
    private static final String AIRBNB = "https://www.airbnb.com/calendar/ical/1.ics?s=SECRET";
    private static final String BOOKING = "https://admin.booking.com/hotel/ical/2.ics?t=TOKEN";

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemoryFeedSource feeds = new InMemoryFeedSource();
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    @BeforeEach
    void collectStoppedObservations() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
    }

    @Test
    void observesASyncNowAndEachFetchAsItsChildWithOutcomeAndChannel() {
        // given an Airbnb feed that answers and a Booking.com feed that fails
        feeds.serve(FeedUrl.parse(AIRBNB), airbnbFeed());
        feeds.fail(FeedUrl.parse(BOOKING), 503, "Service Unavailable", null);
        Map<String, FeedDeclaration> declared =
                Map.of("airbnb", new FeedDeclaration(AIRBNB, null), "booking", new FeedDeclaration(BOOKING, null));

        // when
        try (BokitHost host = observedHost(declared, Runnable::run)) {
            host.management().sync();
        }

        // then
        assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(BokitObservations.RUN, 1)
                .hasNumberOfObservationsWithNameEqualTo(BokitObservations.FETCH, 2)
                .hasObservationWithNameEqualTo(BokitObservations.RUN)
                .that()
                .hasBeenStarted()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue(BokitObservations.OUTCOME, "partial");
        assertThat(stopped)
                .filteredOn(context -> context.getName().equals(BokitObservations.FETCH))
                .extracting(
                        context -> key(context, BokitObservations.CHANNEL),
                        context -> key(context, BokitObservations.OUTCOME),
                        context ->
                                context.getParentObservation().getContextView().getName())
                .containsExactlyInAnyOrder(
                        tuple("www.airbnb.com", "content", BokitObservations.RUN),
                        tuple("admin.booking.com", "failed", BokitObservations.RUN));
        assertThat(stopped)
                .allSatisfy(context -> assertThat(context.getAllKeyValues().toString())
                        .doesNotContain("SECRET", "TOKEN", "/calendar/", "https://"));
    }

    @Test
    void observesTheRequestHooksRunWhenTheExecutorRunsIt() {
        // given one feed and an executor that holds what it is given
        feeds.serve(FeedUrl.parse(AIRBNB), airbnbFeed());
        List<Runnable> queued = new ArrayList<>();
        try (BokitHost host = observedHost(Map.of("airbnb", new FeedDeclaration(AIRBNB, null)), queued::add)) {
            host.trigger().afterResponse("/bookings");
            assertThat(registry).doesNotHaveAnyObservation();

            // when the executor runs the check, then the run the check started
            while (!queued.isEmpty()) {
                queued.remove(0).run();
            }
        }

        // then
        assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(BokitObservations.RUN, 1)
                .hasObservationWithNameEqualTo(BokitObservations.RUN)
                .that()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue(BokitObservations.OUTCOME, "ok");
        assertThat(registry)
                .hasObservationWithNameEqualTo(BokitObservations.FETCH)
                .that()
                .hasLowCardinalityKeyValue(BokitObservations.CHANNEL, "www.airbnb.com")
                .hasLowCardinalityKeyValue(BokitObservations.OUTCOME, "content");
    }

    @Test
    void aSyncNowWhileARunHoldsTheLeaseIsSkippedAndLeavesTheRunningOneAlone() {
        // given a feed whose fetch asks for a sync now, while its own run holds the lease
        AtomicReference<BokitHost> self = new AtomicReference<>();
        AtomicReference<Map<String, Object>> inner = new AtomicReference<>();
        feeds.answer(FeedUrl.parse(AIRBNB), request -> {
            inner.set(self.get().management().sync());
            return new ICalFeedPort.Content(airbnbFeed(), null, null);
        });

        // when
        try (BokitHost host = observedHost(Map.of("airbnb", new FeedDeclaration(AIRBNB, null)), Runnable::run)) {
            self.set(host);
            host.management().sync();
        }

        // then the inner one found the lease held, and each run has its own outcome
        assertThat(inner.get()).containsEntry("result", "busy");
        assertThat(stopped)
                .filteredOn(context -> context.getName().equals(BokitObservations.RUN))
                .extracting(context -> key(context, BokitObservations.OUTCOME))
                .containsExactly("skipped", "ok");
        assertThat(stopped)
                .filteredOn(context -> context.getName().equals(BokitObservations.FETCH))
                .singleElement()
                .satisfies(fetch ->
                        assertThat(key(fetch, BokitObservations.OUTCOME)).isEqualTo("content"));
    }

    private BokitHost observedHost(Map<String, FeedDeclaration> declared, Executor executor) {
        BokitSettings settings = BokitSettings.builder()
                .installComplete(true)
                .calendar("sea", new CalendarDeclaration("Sea View", "Europe/Lisbon", declared))
                .build();
        BokitHost.Builder builder = BokitHost.builder(settings)
                .options(new InMemoryOptions())
                .syncState(new InMemorySyncState())
                .catalog(new InMemoryFeedCatalog())
                .bookings(new InMemoryBookingStore())
                .clock(clock)
                .fetcher(feeds)
                .executor(executor);
        return BokitObservations.install(builder, registry).build();
    }

    private static String key(Observation.Context context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    private static String airbnbFeed() {
        return ICalFeedBuilder.airbnb()
                .reserved("a@airbnb.com", LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-12"))
                .build();
    }
}
