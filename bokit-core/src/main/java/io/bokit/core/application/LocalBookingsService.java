package io.bokit.core.application;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingDiff;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.in.AddLocalBookingCommand;
import io.bokit.core.port.in.ChangeLocalBookingCommand;
import io.bokit.core.port.in.LocalBookingsUseCase;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.FeedCatalogPort;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Local bookings in {@link BookingStorePort} under {@link FeedId#local()}: each change is one change set with its
 * history, like a feed's. Current and baseline values are always the same (no feed to merge with). Stateless and
 * thread-safe.
 */
final class LocalBookingsService implements LocalBookingsUseCase {
    private static final FeedId LOCAL = FeedId.local();

    private final FeedCatalogPort catalog;
    private final BookingStorePort store;
    private final ClockPort clock;
    private final Supplier<String> references;
    private final Consumer<CalendarKey> afterApply;

    /** Creates the service; references chosen by bokit are random ({@code local-} and 16 hex digits). */
    LocalBookingsService(FeedCatalogPort catalog, BookingStorePort store, ClockPort clock) {
        this(catalog, store, clock, randomReferences(), calendar -> {});
    }

    /** Creates the service with the given source of references (tests pass a predictable one). */
    LocalBookingsService(
            FeedCatalogPort catalog, BookingStorePort store, ClockPort clock, Supplier<String> references) {
        this(catalog, store, clock, references, calendar -> {});
    }

    /**
     * Creates the service.
     *
     * @param afterApply called with the calendar after each change is stored (the look for double bookings)
     */
    LocalBookingsService(
            FeedCatalogPort catalog,
            BookingStorePort store,
            ClockPort clock,
            Supplier<String> references,
            Consumer<CalendarKey> afterApply) {
        this.afterApply = Objects.requireNonNull(afterApply, "afterApply");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.references = Objects.requireNonNull(references, "references");
    }

    @Override
    public Booking add(AddLocalBookingCommand command) {
        Objects.requireNonNull(command, "command");
        if (catalog.findCalendar(command.calendar()).isEmpty()) {
            throw new InvalidInputException("Unknown calendar " + command.calendar());
        }
        List<Booking> stored = store.loadFeedBookings(LOCAL);
        BookingKey key = command.reference() == null ? freshKey(stored) : BookingKey.of(command.reference());
        if (command.reference() != null && find(stored, key).isPresent()) {
            throw new InvalidInputException("Reference " + key.uid() + " is taken by another local booking");
        }
        BookingData data = new BookingData(
                command.block() ? BookingStatus.BLOCKED : BookingStatus.CONFIRMED,
                command.guestName(),
                command.checkIn(),
                command.checkOut(),
                null,
                null,
                command.metadata());
        Booking booking = Booking.imported(command.calendar(), LOCAL, key, data);
        BookingChange created =
                new BookingChange(clock.now(), booking.calendar(), LOCAL, key, ChangeKind.CREATED, null, null, null);
        store.apply(new FeedChangeSet(LOCAL, List.of(booking), List.of(), List.of(created)));
        afterApply.accept(booking.calendar());
        return booking;
    }

    @Override
    public Booking change(ChangeLocalBookingCommand command) {
        Objects.requireNonNull(command, "command");
        Booking booking = require(command.reference());
        BookingData data = booking.current();
        if (!data.status().blocksDates()) {
            throw new InvalidInputException(
                    "Local booking " + booking.key() + " is " + data.status().code() + ": it cannot be changed");
        }
        LocalDate checkIn = command.checkIn() == null ? data.checkIn() : command.checkIn();
        LocalDate checkOut = command.checkOut() == null ? data.checkOut() : command.checkOut();
        if (!checkOut.isAfter(checkIn)) {
            throw new InvalidInputException("Check-out " + checkOut + " must be after check-in " + checkIn
                    + " (check-out is the departure day)");
        }
        String guest =
                command.removeGuestName() ? null : command.guestName() == null ? data.guestName() : command.guestName();
        if (guest != null && data.status().isBlock()) {
            throw new InvalidInputException("Local booking " + booking.key() + " is an owner block: it has no guest");
        }
        return update(booking, new BookingData(data.status(), guest, checkIn, checkOut, null, null, data.metadata()));
    }

    @Override
    public Booking cancel(String reference) {
        Booking booking = require(Objects.requireNonNull(reference, "reference"));
        if (!booking.status().blocksDates()) {
            return booking;
        }
        return update(booking, booking.current().withStatus(BookingStatus.CANCELLED));
    }

    @Override
    public Optional<Booking> find(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank()) {
            return Optional.empty();
        }
        return find(store.loadFeedBookings(LOCAL), BookingKey.of(reference.strip()));
    }

    private Booking require(String reference) {
        return find(reference)
                .orElseThrow(() -> new InvalidInputException("Unknown local booking " + shown(reference)));
    }

    private Booking update(Booking booking, BookingData data) {
        Instant now = clock.now();
        List<BookingChange> changes = BookingDiff.updates(now, booking, data);
        if (changes.isEmpty()) {
            return booking;
        }
        Booking updated = booking.with(data, data, false);
        store.apply(new FeedChangeSet(LOCAL, List.of(), List.of(updated), changes));
        afterApply.accept(updated.calendar());
        return updated;
    }

    private BookingKey freshKey(List<Booking> stored) {
        for (int attempt = 0; attempt < 10; attempt++) {
            BookingKey key = BookingKey.of(references.get());
            if (find(stored, key).isEmpty()) {
                return key;
            }
        }
        throw new IllegalStateException("No free reference after 10 attempts");
    }

    private static Optional<Booking> find(List<Booking> stored, BookingKey key) {
        return stored.stream().filter(b -> b.key().equals(key)).findFirst();
    }

    static Supplier<String> randomReferences() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            return "local-" + HexFormat.of().formatHex(bytes);
        };
    }

    /** A reference as an error message shows it: whole up to 100 characters, control characters replaced. */
    private static String shown(String value) {
        String shown = value.strip().replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= 100 ? shown : shown.substring(0, 100) + "… (" + shown.length() + " characters)";
    }
}
