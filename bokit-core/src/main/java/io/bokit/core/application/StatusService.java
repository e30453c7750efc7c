package io.bokit.core.application;

import io.bokit.core.domain.InvalidOptionException;
import io.bokit.core.domain.Options;
import io.bokit.core.domain.SyncDecision;
import io.bokit.core.domain.SyncPolicy;
import io.bokit.core.domain.SyncState;
import io.bokit.core.port.in.FeedStatus;
import io.bokit.core.port.in.StatusUseCase;
import io.bokit.core.port.in.SyncStatus;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncStatePort;
import java.time.Instant;
import java.util.Objects;

/** Puts together the sync status from options, sync state and the feed catalog. */
final class StatusService implements StatusUseCase {
    private final OptionsPort options;
    private final SyncStatePort state;
    private final FeedCatalogPort catalog;
    private final ClockPort clock;

    /** Creates the service. */
    StatusService(OptionsPort options, SyncStatePort state, FeedCatalogPort catalog, ClockPort clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.state = Objects.requireNonNull(state, "state");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SyncStatus status() {
        Instant now = clock.now();
        Options current;
        String problem = null;
        try {
            current = Options.parse(options.loadAll());
        } catch (InvalidOptionException e) {
            current = Options.defaults();
            problem = e.getMessage();
        }
        SyncState sync = state.load();
        var feeds = catalog.feeds().stream()
                .map(feed -> new FeedStatus(
                        feed.id(),
                        feed.name(),
                        feed.calendar(),
                        feed.url().masked(),
                        feed.enabled(),
                        feed.fetchState()))
                .toList();
        SyncDecision decision = problem == null
                ? SyncPolicy.decide(current, sync, now)
                : new SyncDecision.Disabled("an option holds an invalid value: " + problem);
        return new SyncStatus(
                current.installComplete(),
                current.syncInterval(),
                sync.lastClaim(),
                decision,
                sync.activeLease(now).orElse(null),
                feeds,
                problem);
    }
}
