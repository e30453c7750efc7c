package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncState;
import io.bokit.core.port.out.SyncStatePort;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sync state with database time: the claim time is the database's clock, whatever the caller
 * passes. No test sleeps: the passage of time is simulated by writing {@code last_claim} or {@code
 * lease_until} relative to the database's current time.
 */
abstract class DatabaseTimeTests {
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(15);
    /** A caller clock far from the database's, which must make no difference. */
    private static final Instant WRONG_NOW = Instant.parse("2000-01-01T00:00:00Z");

    private SyncStatePort state;

    abstract TestDatabase database();

    @BeforeEach
    void emptyStore() {
        database().clear(JdbcStoreTests.PREFIX);
        state = database().stores(JdbcStoreTests.PREFIX, true).syncState();
    }

    @Test
    void claimsAtDatabaseTimeIgnoringCallersClock() {
        // given
        Instant before = database().now();

        // when
        RunLease lease =
                state.claimInterval(INTERVAL, "web-1:42", LEASE, WRONG_NOW).orElseThrow();

        // then
        Instant after = database().now();
        assertThat(lease.acquiredAt()).isBetween(before, after);
        assertThat(lease.expiresAt()).isEqualTo(lease.acquiredAt().plus(LEASE));
        assertThat(state.load()).isEqualTo(new SyncState(lease.acquiredAt(), lease));
        assertThat(state.load().lease().owner()).isEqualTo("web-1:42");
    }

    @Test
    void refusesSecondClaimWithinInterval() {
        // given
        RunLease first =
                state.claimInterval(INTERVAL, "web-1:42", LEASE, WRONG_NOW).orElseThrow();
        state.release(first);

        // when
        Optional<RunLease> second =
                state.claimInterval(INTERVAL, "web-2:7", LEASE, WRONG_NOW.plus(INTERVAL.multipliedBy(5)));

        // then
        assertThat(second).isEmpty();
        assertThat(state.load().lastClaim()).isEqualTo(first.acquiredAt());
    }

    @Test
    void claimsOnceIntervalIsOverByOneMicrosecond() {
        // given: the last claim one interval and one microsecond ago, by the database's clock
        setLastClaimAgo(Column.micros(INTERVAL) + 1);

        // when
        Optional<RunLease> lease = state.claimInterval(INTERVAL, "web-1:42", LEASE, WRONG_NOW);

        // then
        assertThat(lease).isPresent();
    }

    @Test
    void refusesClaimWhileIntervalHasASecondToGo() {
        // given: the last claim one interval minus one second ago, by the database's clock
        setLastClaimAgo(Column.micros(INTERVAL.minusSeconds(1)));
        SyncState before = state.load();

        // when
        Optional<RunLease> lease = state.claimInterval(INTERVAL, "web-1:42", LEASE, WRONG_NOW.plus(Duration.ofDays(1)));

        // then
        assertThat(lease).isEmpty();
        assertThat(state.load()).isEqualTo(before);
    }

    @Test
    void recoversLeaseOfDeadProcessOnceItExpires() {
        // given: a process took the lease and died without releasing it
        RunLease dead =
                state.claimInterval(INTERVAL, "dead:1", LEASE, WRONG_NOW).orElseThrow();
        assertThat(state.acquireLease("web-2:7", LEASE, WRONG_NOW.plus(LEASE.multipliedBy(2))))
                .isEmpty();

        // when its lease lapses (a microsecond ago, by the database's clock)
        database()
                .execute("UPDATE " + JdbcStoreTests.PREFIX + "sync_state SET lease_until = "
                        + database().dialect().nowMicros() + " - 1");
        Optional<RunLease> taken = state.acquireLease("web-2:7", LEASE, WRONG_NOW);

        // then
        assertThat(taken).hasValueSatisfying(lease -> assertThat(lease.owner()).isEqualTo("web-2:7"));
        assertThat(state.release(dead)).isFalse();
        assertThat(state.load().lease()).isEqualTo(taken.orElseThrow());
    }

    private void setLastClaimAgo(long micros) {
        database()
                .execute("UPDATE " + JdbcStoreTests.PREFIX + "sync_state SET last_claim = "
                        + database().dialect().nowMicros() + " - " + micros);
    }
}
