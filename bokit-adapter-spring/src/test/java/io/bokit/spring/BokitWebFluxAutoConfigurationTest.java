package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

/** When the WebFlux trigger is auto-configured: a reactive application with a BokitHost, and only then. */
class BokitWebFluxAutoConfigurationTest {
    private final BokitHost host = BokitHost.builder(BokitSettings.defaults())
            .options(new InMemoryOptions())
            .syncState(new InMemorySyncState())
            .catalog(new InMemoryFeedCatalog())
            .bookings(new InMemoryBookingStore())
            .clock(MutableClock.at("2026-12-01T10:00:00Z"))
            .fetcher(new InMemoryFeedSource())
            .executor(Runnable::run)
            .build();

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BokitWebFluxAutoConfiguration.class));

    @AfterEach
    void closeHost() {
        host.close();
    }

    @Test
    void registersTheFilterInAReactiveApplicationWithABokitHost() {
        reactive.withBean(BokitHost.class, () -> host)
                .run(context -> assertThat(context).hasSingleBean(BokitWebFilter.class));
    }

    @Test
    void registersNothingWithoutABokitHost() {
        reactive.run(context -> assertThat(context).doesNotHaveBean(BokitWebFilter.class));
    }

    @Test
    void registersNothingOutsideAReactiveApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BokitWebFluxAutoConfiguration.class))
                .withBean(BokitHost.class, () -> host)
                .run(context -> assertThat(context).doesNotHaveBean(BokitWebFilter.class));
    }

    @Test
    void registersNothingWhenTheTriggerIsOff() {
        reactive.withBean(BokitHost.class, () -> host)
                .withPropertyValues("bokit.trigger.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(BokitWebFilter.class));
    }

    @Test
    void backsOffForTheApplicationsOwnFilter() {
        BokitWebFilter own = new BokitWebFilter(host.trigger());
        reactive.withBean(BokitHost.class, () -> host)
                .withBean("ownFilter", BokitWebFilter.class, () -> own)
                .run(context ->
                        assertThat(context).getBean(BokitWebFilter.class).isSameAs(own));
    }
}
