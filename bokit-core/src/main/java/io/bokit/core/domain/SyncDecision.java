package io.bokit.core.domain;

import java.time.Instant;
import java.util.Objects;

/** What {@link SyncPolicy} decided: due, not due until an instant, or disabled (and why). */
public sealed interface SyncDecision {

    /** A sync is due now. */
    record Due() implements SyncDecision {}

    /**
     * Not due yet.
     *
     * @param until the last instant at which it is still not due: it becomes due strictly after
     */
    record NotDue(Instant until) implements SyncDecision {
        public NotDue {
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * Automatic syncs are off.
     *
     * @param reason why, in words for an operator
     */
    record Disabled(String reason) implements SyncDecision {
        public Disabled {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
