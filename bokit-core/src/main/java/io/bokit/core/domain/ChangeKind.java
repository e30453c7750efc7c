package io.bokit.core.domain;

/** What happened to a booking in one entry of the change history. */
public enum ChangeKind {
    /** The feed brought a booking bokit did not have. */
    CREATED,
    /** A field took the feed's new value. */
    UPDATED,
    /** A future booking left the feed; it is kept with status {@code vanished}. */
    VANISHED,
    /** A future block left the feed; it is soft-deleted. */
    DELETED,
    /** A vanished or deleted booking came back into the feed. */
    RESTORED,
    /** The feed changed a field the host had edited locally; the local value was kept. */
    CONFLICT
}
