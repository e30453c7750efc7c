package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncPolicyTest {
    private static final Instant LAST = Instant.parse("2026-11-28T10:00:00Z");
    private static final Options INSTALLED = Options.parse(Map.of("install.complete", "true", "sync.interval", "300"));

    @Test
    void disabledWhileInstallIsIncomplete() {
        // given install.complete is at its default (false), and a sync would otherwise be long overdue
        Options options = Options.parse(Map.of("sync.interval", "300"));

        // when
        SyncDecision decision = SyncPolicy.decide(options, SyncState.EMPTY, LAST.plus(Duration.ofDays(9)));

        // then
        assertThat(decision).isInstanceOf(SyncDecision.Disabled.class);
        assertThat(((SyncDecision.Disabled) decision).reason()).contains("install.complete");
    }

    @Test
    void dueWhenNeverSynced() {
        assertThat(SyncPolicy.decide(INSTALLED, SyncState.EMPTY, LAST)).isInstanceOf(SyncDecision.Due.class);
    }

    @Test
    void notDueExactlyAtTheInterval() {
        // given the last claim was exactly one interval ago: Bokit's rule is strictly greater
        SyncState state = new SyncState(LAST, null);

        // when
        SyncDecision decision = SyncPolicy.decide(INSTALLED, state, LAST.plusSeconds(300));

        // then
        assertThat(decision).isEqualTo(new SyncDecision.NotDue(LAST.plusSeconds(300)));
    }

    @Test
    void dueJustPastTheInterval() {
        SyncState state = new SyncState(LAST, null);

        assertThat(SyncPolicy.decide(INSTALLED, state, LAST.plusSeconds(300).plusNanos(1)))
                .isInstanceOf(SyncDecision.Due.class);
        assertThat(SyncPolicy.decide(INSTALLED, state, LAST.plusSeconds(301))).isInstanceOf(SyncDecision.Due.class);
    }

    @Test
    void notDueBeforeTheInterval() {
        SyncState state = new SyncState(LAST, null);

        assertThat(SyncPolicy.decide(INSTALLED, state, LAST.plusSeconds(10)))
                .isEqualTo(new SyncDecision.NotDue(LAST.plusSeconds(300)));
    }

    @Test
    void aChangedIntervalMovesTheDueTime() {
        // given the same state read with the interval before and after an operator changed it
        SyncState state = new SyncState(LAST, null);
        Instant now = LAST.plusSeconds(200);
        Options shorter = Options.parse(Map.of("install.complete", "true", "sync.interval", "120"));
        Options longer = Options.parse(Map.of("install.complete", "true", "sync.interval", "7200"));

        // then
        assertThat(SyncPolicy.decide(INSTALLED, state, now)).isInstanceOf(SyncDecision.NotDue.class);
        assertThat(SyncPolicy.decide(shorter, state, now)).isInstanceOf(SyncDecision.Due.class);
        assertThat(SyncPolicy.decide(longer, state, now)).isEqualTo(new SyncDecision.NotDue(LAST.plusSeconds(7200)));
    }

    @Test
    void intervalsLongerThanTwoHoursAreHonoured() {
        // the original's cache TTL capped every interval at about 7200 s; bokit does not
        Options daily = Options.parse(Map.of("install.complete", "true", "sync.interval", "86400"));
        SyncState state = new SyncState(LAST, null);

        assertThat(SyncPolicy.decide(daily, state, LAST.plusSeconds(7201))).isInstanceOf(SyncDecision.NotDue.class);
        assertThat(SyncPolicy.decide(daily, state, LAST.plusSeconds(86401))).isInstanceOf(SyncDecision.Due.class);
    }
}
