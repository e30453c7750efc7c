package io.bokit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.host.BokitHost;
import io.bokit.host.RequestTrigger;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example's own demo feeds are not page views: fetching {@code /demo/*.ics} (which the sync itself does)
 * never triggers, while a page does, and the default exclusions still hold beside the example's own. Checked on
 * the trigger that the registered filter calls, built from the example's {@code application.properties}.
 */
class DemoFeedTriggerTest {

    @Test
    void theDemoFeedsAreExcludedBesideTheDefaultsAndAPageIsNot() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ExampleApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:trigger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            RequestTrigger trigger = app.getBean(BokitHost.class).trigger();

            assertThat(trigger.excludes("/demo/airbnb.ics")).isTrue();
            assertThat(trigger.excludes("/demo/booking.ics")).isTrue();
            assertThat(trigger.excludes("/actuator/health")).isTrue();
            assertThat(trigger.excludes("/css/site.css")).isTrue();
            assertThat(trigger.excludes("/hello")).isFalse();
            assertThat(trigger.excludes("/")).isFalse();
        }
    }
}
