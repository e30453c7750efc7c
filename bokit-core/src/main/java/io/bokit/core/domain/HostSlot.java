package io.bokit.core.domain;

import java.util.Objects;

/**
 * One of a shared run's places for fetching from one channel host, held by one node: there are {@code sync.per_host}
 * of them per host and run, so at most that many fetches to the host are in flight on all nodes together. A node
 * holds it while it claims the host's feeds one after the other, and loses it if it stops renewing it.
 *
 * @param runId the run
 * @param host the channel host
 * @param slot which of the host's places, from 0
 * @param node who holds it, for people (host and process)
 * @param version the place's version when this node took it; it changes whenever another node takes it
 */
public record HostSlot(String runId, String host, int slot, String node, long version) {
    public HostSlot {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(node, "node");
        if (slot < 0) {
            throw new IllegalArgumentException("A slot number cannot be negative");
        }
    }
}
