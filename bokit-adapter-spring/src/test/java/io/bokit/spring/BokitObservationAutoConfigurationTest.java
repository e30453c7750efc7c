package io.bokit.spring;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.FeedUrl;
import io.bokit.host.BokitHost;
import io.bokit.host.micrometer.BokitObservations;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryFeedSource;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With an ObservationRegistry bean the auto-configured host observes its runs and fetches; without one, nothing. */
class BokitObservationAutoConfigurationTest {
    private static final FeedUrl AIRBNB = FeedUrl.parse("https://www.airbnb.com/calendar/ical/42.ics?s=secret");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    BokitAutoConfiguration.class,
                    BokitObservationAutoConfiguration.class))
            .withUserConfiguration(BokitAutoConfigurationTest.OwnBeans.class)
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:observations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + AIRBNB.reveal());

    @Test
    void observesASyncRunAndItsFetchWhenTheApplicationHasAnObservationRegistry() {
        runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
                .run(context -> {
                    // given
                    context.getBean(InMemoryFeedSource.class)
                            .serve(AIRBNB, ICalFeedBuilder.airbnb().build());
                    TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);

                    // when
                    context.getBean(BokitHost.class).management().sync();

                    // then
                    assertThat(registry)
                            .hasObservationWithNameEqualTo(BokitObservations.RUN)
                            .that()
                            .hasBeenStopped()
                            .hasLowCardinalityKeyValue(BokitObservations.OUTCOME, "ok");
                    assertThat(registry)
                            .hasObservationWithNameEqualTo(BokitObservations.FETCH)
                            .that()
                            .hasLowCardinalityKeyValue(BokitObservations.CHANNEL, "www.airbnb.com")
                            .hasLowCardinalityKeyValue(BokitObservations.OUTCOME, "content");
                });
    }

    @Test
    void installsNothingWithoutAnObservationRegistry() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(BokitHostCustomizer.class);
        });
    }
}
