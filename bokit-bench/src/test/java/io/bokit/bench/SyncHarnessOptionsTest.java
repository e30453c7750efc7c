package io.bokit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncHarnessOptionsTest {

    @Test
    void autoRunsRoundsUntilTheJitHasSettledAndAtMostTen() {
        // when
        SyncHarness.WarmUp warmUp = SyncHarness.WarmUp.of(1_000, "auto");

        // then
        assertThat(warmUp).isEqualTo(new SyncHarness.WarmUp(1_000, 10, true));
        assertThat(warmUp.toString()).isEqualTo("1,000 feeds, until the JIT has settled, at most 10 rounds");
    }

    @Test
    void aNumberRunsExactlyThatManyRounds() {
        // when
        SyncHarness.WarmUp warmUp = SyncHarness.WarmUp.of(200, "1");

        // then
        assertThat(warmUp).isEqualTo(new SyncHarness.WarmUp(200, 1, false));
        assertThat(warmUp.toString()).isEqualTo("200 feeds, exactly 1 round");
    }

    @Test
    void noFeedsMeansNoWarmUpWhateverTheRounds() {
        // when
        SyncHarness.WarmUp warmUp = SyncHarness.WarmUp.of(0, "auto");

        // then
        assertThat(warmUp.rounds()).isZero();
        assertThat(warmUp.toString()).isEqualTo("none");
    }

    @Test
    void refusesRoundsThatAreNeitherAutoNorACount() {
        assertThatThrownBy(() -> SyncHarness.WarmUp.of(1_000, "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--warmup-rounds must be auto or a number of rounds, not many");
        assertThatThrownBy(() -> SyncHarness.WarmUp.of(1_000, "-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid warm-up: 1000 feeds, -1 rounds");
        assertThatThrownBy(() -> SyncHarness.WarmUp.of(-5, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid warm-up: -5 feeds, 1 rounds");
    }

    @Test
    void namesTheOptionWhoseNumberItCannotRead() {
        assertThatThrownBy(() -> SyncHarness.intOption(Map.of("feeds", "lots"), "feeds", 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--feeds must be a whole number, not lots");
        assertThat(SyncHarness.intOption(Map.of("feeds", "1_000"), "feeds", 5)).isEqualTo(1_000);
        assertThat(SyncHarness.intOption(Map.of(), "feeds", 5)).isEqualTo(5);
    }
}
