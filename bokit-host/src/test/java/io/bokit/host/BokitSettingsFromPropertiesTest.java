package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.jdbc.InitializeMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BokitSettingsFromPropertiesTest {

    @Test
    void readsTheDocumentedKeysAndValueForms() {
        BokitSettings settings = BokitSettings.fromProperties(Map.of(
                "bokit.lease-duration", "20m",
                "bokit.refresh-period", "1500ms",
                "bokit.default-interval", "PT5M",
                "bokit.executor.threads", "3",
                "bokit.schema.initialize", "always",
                "bokit.trigger.excluded-paths", "/admin/**, /ping",
                "bokit.http.max-body-size", "2MB",
                "bokit.calendars.sea.zone", "Europe/Lisbon",
                "bokit.calendars.sea.feeds.airbnb.url", "https://www.airbnb.com/calendar/ical/1.ics?s=x",
                "server.port", "8080"));

        assertThat(settings.run().leaseFor()).isEqualTo(Duration.ofMinutes(20));
        assertThat(settings.run().refreshPeriod()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.defaultInterval()).isEqualTo("300");
        assertThat(settings.executorThreads()).isEqualTo(3);
        assertThat(settings.schemaInitialize()).isEqualTo(InitializeMode.ALWAYS);
        assertThat(settings.excludedPaths().patterns()).containsExactly("/admin/**", "/ping");
        assertThat(settings.httpFetchSettings(io.bokit.core.port.out.ClockPort.system())
                        .maxBodyBytes())
                .isEqualTo(2L * 1024 * 1024);
        assertThat(settings.calendars())
                .singleElement()
                .satisfies(calendar -> assertThat(calendar.zone().getId()).isEqualTo("Europe/Lisbon"));
        assertThat(settings.feeds())
                .singleElement()
                .satisfies(feed -> assertThat(feed.id().value()).isEqualTo("airbnb"));
    }

    @Test
    void refusesAnUnknownBokitKeyAndABadValueNamingTheKey() {
        assertThatThrownBy(() -> BokitSettings.fromProperties(Map.of("bokit.lease-duraton", "15m")))
                .isInstanceOf(BokitConfigurationException.class)
                .hasMessageStartingWith("Invalid bokit.lease-duraton: no such property");
        assertThatThrownBy(() -> BokitSettings.fromProperties(Map.of("bokit.lease-duration", "soon")))
                .hasMessageStartingWith("Invalid bokit.lease-duration: \"soon\" is not a duration");
        assertThatThrownBy(() -> BokitSettings.fromProperties(Map.of("bokit.db-time", "yes")))
                .hasMessage("Invalid bokit.db-time: \"yes\" is not true or false");
        assertThatThrownBy(() -> BokitSettings.fromProperties(Map.of("bokit.executor.threads", "two")))
                .hasMessage("Invalid bokit.executor.threads: \"two\" is not a whole number");
    }
}
