package io.bokit.core.port.in;

import io.bokit.core.domain.Booking;
import java.util.Optional;

/**
 * Adds, changes and cancels local bookings: the host's own reservations and owner blocks, stored in bokit's
 * booking store under the reserved source {@link io.bokit.core.domain.FeedId#local()}, with the change history
 * like imported ones, and exported to every channel. No sync ever touches them. Thread-safe; two changes of the
 * same booking at once are applied one after the other or the later one wins.
 */
public interface LocalBookingsUseCase {

    /**
     * Adds a local booking (status {@code confirmed}, or {@code blocked} for an owner block) and records it as
     * {@code created} in the history.
     *
     * @param command what to add, not null
     * @return the stored booking; its {@code key().uid()} is the reference to change or cancel it
     * @throws io.bokit.core.domain.InvalidInputException if the calendar is unknown, or the reference is taken
     * @throws io.bokit.core.domain.StorageException if the store fails
     */
    Booking add(AddLocalBookingCommand command);

    /**
     * Changes a local booking's dates or guest name; each changed field is recorded as {@code updated}. A change
     * that changes nothing writes nothing.
     *
     * @param command what to change, not null
     * @return the booking as stored now
     * @throws io.bokit.core.domain.InvalidInputException if no local booking has the reference, it is cancelled,
     *     or the new check-out would not be after the check-in
     * @throws io.bokit.core.domain.StorageException if the store fails
     */
    Booking change(ChangeLocalBookingCommand command);

    /**
     * Cancels a local booking: its status becomes {@code cancelled} (recorded as {@code updated} of the status),
     * so it leaves every export. Cancelling a cancelled booking changes nothing.
     *
     * @param reference the booking's reference (its uid), not null
     * @return the booking as stored now
     * @throws io.bokit.core.domain.InvalidInputException if no local booking has the reference
     * @throws io.bokit.core.domain.StorageException if the store fails
     */
    Booking cancel(String reference);

    /**
     * The local booking with a reference.
     *
     * @param reference the reference (its uid), not null
     * @return the booking, or empty when no local booking has it
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    Optional<Booking> find(String reference);
}
