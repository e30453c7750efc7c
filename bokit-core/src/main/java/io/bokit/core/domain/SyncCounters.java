package io.bokit.core.domain;

/**
 * The counters of a sync, for one feed or summed over a run.
 *
 * @param total events the feed held (for a feed not modified: bookings it has in the store)
 * @param created bookings new to the store
 * @param updated stored bookings that took new values
 * @param unchanged stored bookings the feed left as they were
 * @param deleted future blocks that left the feed and were soft-deleted
 * @param vanished future bookings that left the feed and were marked vanished
 * @param skipped events not imported (damaged, or a duplicate key within the feed)
 * @param conflicts fields the feed changed that the host had edited locally (local value kept)
 */
public record SyncCounters(
        int total, int created, int updated, int unchanged, int deleted, int vanished, int skipped, int conflicts) {

    /** All zero. */
    public static final SyncCounters ZERO = new SyncCounters(0, 0, 0, 0, 0, 0, 0, 0);

    public SyncCounters {
        if (total < 0
                || created < 0
                || updated < 0
                || unchanged < 0
                || deleted < 0
                || vanished < 0
                || skipped < 0
                || conflicts < 0) {
            throw new IllegalArgumentException("Counters cannot be negative");
        }
    }

    /** The sum of this and another. */
    public SyncCounters plus(SyncCounters other) {
        return new SyncCounters(
                total + other.total,
                created + other.created,
                updated + other.updated,
                unchanged + other.unchanged,
                deleted + other.deleted,
                vanished + other.vanished,
                skipped + other.skipped,
                conflicts + other.conflicts);
    }

    /** The counters as {@code {"total":n,"created":n,…}}, the shape of the seed's log lines. */
    public String toJson() {
        return "{\"total\":" + total + ",\"created\":" + created + ",\"updated\":" + updated + ",\"unchanged\":"
                + unchanged + ",\"deleted\":" + deleted + ",\"vanished\":" + vanished + ",\"skipped\":" + skipped
                + ",\"conflicts\":" + conflicts + "}";
    }
}
