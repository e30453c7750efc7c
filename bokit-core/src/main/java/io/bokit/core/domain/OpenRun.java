package io.bokit.core.domain;

import java.util.Objects;

/**
 * A shared run that is open: its feeds are being claimed and synced by the nodes that joined it.
 *
 * @param id the run's id, unique
 * @param lease the run lease its opener holds until the run is closed
 */
public record OpenRun(String id, RunLease lease) {
    public OpenRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lease, "lease");
    }
}
