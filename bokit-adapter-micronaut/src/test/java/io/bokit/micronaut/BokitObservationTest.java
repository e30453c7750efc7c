package io.bokit.micronaut;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.host.BokitHost;
import io.bokit.host.micrometer.BokitObservations;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

/** With an ObservationRegistry bean the host observes its runs and fetches; without one, nothing is installed. */
class BokitObservationTest {

    @Test
    void observesASyncRunAndItsFetchWhenTheApplicationHasAnObservationRegistry() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        try (LocalFeedServer feeds = LocalFeedServer.start()) {
            // given a feed on loopback
            feeds.serve("/seaview.ics", ICalFeedBuilder.airbnb().build());
            try (ApplicationContext context = TestApp.withDatabase()
                    .with("bokit.http.allowed-private-addresses", "127.0.0.0/8")
                    .with(
                            "bokit.calendars.seaview.feeds.seaview-airbnb.url",
                            feeds.url("/seaview.ics") + "?token=s3cret")
                    .withBean(registry)
                    .run()) {

                // when
                context.getBean(BokitHost.class).management().sync();
            }
        }

        // then
        assertThat(registry)
                .hasObservationWithNameEqualTo(BokitObservations.RUN)
                .that()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue(BokitObservations.OUTCOME, "ok");
        assertThat(registry)
                .hasObservationWithNameEqualTo(BokitObservations.FETCH)
                .that()
                .hasLowCardinalityKeyValue(BokitObservations.CHANNEL, "127.0.0.1")
                .hasLowCardinalityKeyValue(BokitObservations.OUTCOME, "content");
    }

    @Test
    void installsNothingWithoutAnObservationRegistry() {
        try (ApplicationContext context = TestApp.withDatabase().run()) {
            assertThat(context.getBeansOfType(BokitHostCustomizer.class)).isEmpty();
        }
    }
}
