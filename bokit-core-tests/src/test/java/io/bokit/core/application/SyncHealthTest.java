package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncDecision;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncHealthTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private static SyncStatus status(boolean installed, Instant lastClaim, String problem) {
        return new SyncStatus(installed, HOUR, lastClaim, new SyncDecision.Due(), null, List.of(), problem);
    }

    private static SyncReport report(FeedOutcome... outcomes) {
        List<FeedResult> feeds = new java.util.ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            feeds.add(new FeedResult(
                    FeedId.of("f" + i),
                    "host" + i,
                    outcomes[i],
                    SyncCounters.ZERO,
                    outcomes[i] == FeedOutcome.FAILED ? "HTTP 500" : null));
        }
        return new SyncReport(NOW, NOW, feeds);
    }

    @Test
    void upWhenOnTimeOrWhenOnlySomeFeedsFailed() {
        assertThat(SyncHealth.assess(
                                status(true, NOW.minus(HOUR), null),
                                report(FeedOutcome.SYNCED, FeedOutcome.FAILED),
                                NOW)
                        .up())
                .isTrue();
    }

    @Test
    void downWhenOverdueByMoreThanTwoIntervals() {
        assertThat(SyncHealth.assess(status(true, NOW.minus(HOUR.multipliedBy(3)), null), null, NOW)
                        .up())
                .isTrue();
        SyncHealth overdue =
                SyncHealth.assess(status(true, NOW.minus(HOUR.multipliedBy(3)).minusSeconds(1), null), null, NOW);
        assertThat(overdue.up()).isFalse();
        assertThat(overdue.reason()).contains("overdue");
    }

    @Test
    void downWhenTheLastRunFailedOnEveryFeed() {
        SyncHealth health =
                SyncHealth.assess(status(true, NOW, null), report(FeedOutcome.FAILED, FeedOutcome.FAILED), NOW);
        assertThat(health.up()).isFalse();
        assertThat(health.reason()).contains("every feed");
    }

    @Test
    void downOnAnInvalidStoredOptionAndUpWhileInstallIsIncomplete() {
        assertThat(SyncHealth.assess(status(true, null, "Invalid value"), null, NOW)
                        .up())
                .isFalse();
        assertThat(SyncHealth.assess(status(false, NOW.minus(Duration.ofDays(9)), null), null, NOW)
                        .up())
                .isTrue();
    }

    @Test
    void degradedWhileDoubleBookingsAreOpenAndDownStillWins() {
        SyncHealth degraded = SyncHealth.assess(status(true, NOW.minus(HOUR), null), null, NOW, 2);
        assertThat(degraded.status()).isEqualTo(SyncHealth.Status.DEGRADED);
        assertThat(degraded.up()).as("degraded still syncs").isTrue();
        assertThat(degraded.openDoubleBookings()).isEqualTo(2);
        assertThat(degraded.reason())
                .isEqualTo("2 double bookings are open: two sources hold the same nights (syncing on time)");

        SyncHealth down =
                SyncHealth.assess(status(true, NOW, null), report(FeedOutcome.FAILED, FeedOutcome.FAILED), NOW, 2);
        assertThat(down.status()).isEqualTo(SyncHealth.Status.DOWN);
        assertThat(down.openDoubleBookings()).isEqualTo(2);

        assertThat(SyncHealth.assess(status(true, NOW, null), null, NOW, 0).status())
                .isEqualTo(SyncHealth.Status.UP);
        assertThat(new SyncHealth(false, "x").status()).isEqualTo(SyncHealth.Status.DOWN);
    }
}
