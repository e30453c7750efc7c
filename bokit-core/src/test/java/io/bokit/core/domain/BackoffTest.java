package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.DEFAULT;

    @Test
    void doublesFromOneMinuteUpToSixHours() {
        assertThat(backoff.after(1, 1.0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(2, 1.0)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(5, 1.0)).isEqualTo(Duration.ofMinutes(16));
        assertThat(backoff.after(9, 1.0)).isEqualTo(Duration.ofHours(4).plusMinutes(16));
        assertThat(backoff.after(10, 1.0)).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.after(1_000_000, 1.0)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void jitterTakesAtMostAQuarterOff() {
        assertThat(backoff.after(3, 0)).isEqualTo(Duration.ofMinutes(3));
        assertThat(backoff.after(3, 0.5)).isEqualTo(Duration.ofMillis(210_000));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> backoff.after(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(1), Duration.ofMinutes(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cap");
    }
}
