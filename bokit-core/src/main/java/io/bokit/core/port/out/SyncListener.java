package io.bokit.core.port.out;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.SyncReport;

/**
 * Callbacks for the host application: booking changes as a run applies them, double bookings opened and closed,
 * and the finished run.
 * Called on one of the run's threads, after the feed's change set is stored, and never concurrently
 * (bokit serialises the calls). Every method does nothing by default; an exception thrown by a
 * listener is logged and does not affect the sync.
 */
public interface SyncListener {

    /** A booking new to the store was imported. */
    default void bookingCreated(Booking booking) {}

    /** A stored booking took new values (or came back after it vanished). */
    default void bookingUpdated(Booking before, Booking after) {}

    /** A future booking left its feed and is now {@code vanished}. */
    default void bookingVanished(Booking booking) {}

    /** A future block left its feed and was soft-deleted. */
    default void bookingDeleted(Booking booking) {}

    /**
     * A double booking was found: two sources sold the same nights (the record is open). Called after the feed's
     * apply that made it, or, for a local booking, on the thread that added or changed it.
     */
    default void doubleBookingOpened(DoubleBooking record) {}

    /** A double booking went away: a side vanished, was cancelled or moved away (the record is closed). */
    default void doubleBookingClosed(DoubleBooking record) {}

    /** A run finished (whatever its feeds' outcomes). */
    default void runCompleted(SyncReport report) {}
}
