package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

    @Test
    void defaultsAreTheSeeds() {
        Options defaults = Options.defaults();

        assertThat(defaults.syncInterval()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(defaults.installComplete()).isFalse();
        assertThat(defaults.requestDelay()).isEqualTo(Duration.ZERO);
        assertThat(defaults.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(OptionKey.TIMEZONE.format(defaults.timezone())).isEqualTo("UTC");
        assertThat(defaults.emptyFeedRuns()).isEqualTo(3);
    }

    @Test
    void parsesStoredValuesAndIgnoresUnknownKeys() {
        Options options = Options.parse(Map.of(
                "sync.interval", "300",
                "install.complete", "true",
                "sync.request_delay", "250",
                "timezone", "Europe/Paris",
                "theme.colour", "blue"));

        assertThat(options.syncInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.installComplete()).isTrue();
        assertThat(options.requestDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sync.interval      | 0       | a whole number of seconds from 1 to 2592000",
                "sync.interval      | -5      | a whole number of seconds from 1 to 2592000",
                "sync.interval      | 5m      | a whole number of seconds from 1 to 2592000",
                "sync.interval      | 2592001 | a whole number of seconds from 1 to 2592000",
                "install.complete   | yes     | true or false",
                "sync.request_delay | 60001   | a whole number of milliseconds from 0 to 60000",
                "timezone           | Mars/Olympus | a time-zone id",
                "sync.empty_feed_runs | 0     | a whole number from 1 to 100",
            })
    void refusesAnInvalidValueNamingKeyValueAndRule(String key, String value, String allowed) {
        assertThatThrownBy(() -> Options.parse(Map.of(key, value)))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("\"" + value + "\"")
                .hasMessageContaining(allowed)
                .extracting(e -> ((InvalidOptionException) e).key())
                .isEqualTo(key);
    }

    @Test
    void normalizesToCanonicalText() {
        assertThat(OptionKey.SYNC_INTERVAL.normalize(" 300 ")).isEqualTo("300");
        assertThat(OptionKey.INSTALL_COMPLETE.normalize("TRUE")).isEqualTo("true");
        assertThat(OptionKey.INSTALL_COMPLETE.normalize("1")).isEqualTo("true");
    }

    @Test
    void refusesAnUnknownKeyListingTheKnownOnes() {
        assertThatThrownBy(() -> OptionKey.require("sync.intervall"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("sync.intervall")
                .hasMessageContaining("sync.interval, install.complete");
    }
}
