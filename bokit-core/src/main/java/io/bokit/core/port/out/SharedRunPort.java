package io.bokit.core.port.out;

import io.bokit.core.domain.ClosedRun;
import io.bokit.core.domain.FeedClaim;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.HostSlot;
import io.bokit.core.domain.OpenRun;
import io.bokit.core.domain.RunFeed;
import io.bokit.core.domain.RunLease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Shared runs: one run's feeds claimed and synced by every node that joins it, coordinated by the database the
 * nodes already share. The node that wins the interval {@linkplain #open opens} the run; each node then takes a
 * {@linkplain #claimSlot place} for one channel host, {@linkplain #claimFeed claims} that host's feeds one at a
 * time, {@linkplain #finish records} each result, and when no feed is left to claim tries to {@linkplain #close
 * close} the run. Every claim has a lease: a node that stops (killed, partitioned) loses its places and feeds when
 * their leases lapse, and other nodes claim them again.
 *
 * <p>Guarantees, for any number of instances on any number of nodes: a feed has at most one live claim, and at
 * most one result; a host has at most {@code perHost} live places, so at most that many of its feeds are in
 * flight, and a node (one {@code node} name, taking places one after the other) holds at most one of them; exactly one {@link #close} call returns the closed run, and only once every feed has a result.
 *
 * <p>The {@code now} passed to each method is the caller's clock; an implementation may use its own time source
 * instead (the database's, so that nodes with skewed clocks agree). Implementations are thread-safe.
 */
public interface SharedRunPort {

    /**
     * Opens a run of these feeds, closing any run still open (a run whose lease lapsed before it was closed: its
     * feeds are in this one too).
     *
     * @param id the new run's id, unique
     * @param lease the run lease the opener holds
     * @param feeds the feeds, in the order they are claimed, each feed once
     * @param perHost how many places each host has, 1 to 64
     * @throws IllegalArgumentException if a feed is listed twice or {@code perHost} is out of range
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    void open(String id, RunLease lease, List<RunFeed> feeds, int perHost);

    /**
     * The run that is open, if any.
     *
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    Optional<OpenRun> openRun();

    /**
     * Takes a free place (never taken, released, or whose lease lapsed) of a host that still has a feed to claim
     * and of which {@code node} holds no place already: a node fetches from one host one feed after the other (as
     * its fetcher does), so a host's {@code perHost} places are held by as many different nodes.
     *
     * @param runId the run
     * @param node who claims, for people
     * @param leaseFor how long the place is held unless renewed, positive
     * @param now the caller's current time
     * @return the place, or empty if every host with feeds to claim has all its places taken (or none is left)
     * @throws io.bokit.core.domain.StorageException if the store cannot be read or written
     */
    Optional<HostSlot> claimSlot(String runId, String node, Duration leaseFor, Instant now);

    /**
     * Renews the place's lease and claims the next feed of its host that has no result and no live claim.
     *
     * @param slot a place this node holds
     * @param leaseFor how long the place and the feed are held unless renewed, positive
     * @param now the caller's current time
     * @return the claim, or empty if the place was lost (its lease lapsed and another node took it) or the host has
     *     no feed left to claim
     * @throws io.bokit.core.domain.StorageException if the store cannot be read or written
     */
    Optional<FeedClaim> claimFeed(HostSlot slot, Duration leaseFor, Instant now);

    /**
     * Records a claimed feed's result, if the claim is still the feed's latest and the feed has no result yet.
     *
     * @param claim the claim
     * @param result its result
     * @return whether it was recorded; false if the claim lapsed and another node claimed the feed again
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    boolean finish(FeedClaim claim, FeedResult result);

    /**
     * Gives a place back, if this node still holds it.
     *
     * @param slot the place
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    void releaseSlot(HostSlot slot);

    /**
     * Closes the run if every feed of it has a result and it is still open.
     *
     * @param runId the run
     * @return the closed run, to exactly one caller; empty if a feed has no result yet or the run was closed already
     * @throws io.bokit.core.domain.StorageException if the store cannot be read or written
     */
    Optional<ClosedRun> close(String runId);

    /**
     * The results recorded so far, in the order the run planned its feeds.
     *
     * @param runId the run
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<FeedResult> results(String runId);
}
