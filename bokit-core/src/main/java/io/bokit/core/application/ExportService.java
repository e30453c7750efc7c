package io.bokit.core.application;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.EchoRule;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.Secrets;
import io.bokit.core.domain.StorageException;
import io.bokit.core.export.ExportEvent;
import io.bokit.core.export.ExportUids;
import io.bokit.core.export.ICalWriter;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.in.ExportResult;
import io.bokit.core.port.in.ExportUseCase;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.HostReservation;
import io.bokit.core.port.out.HostReservationsPort;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds a calendar's iCal export from {@link BookingStorePort} (imported and local bookings) and, when the host
 * gives one, {@link HostReservationsPort}, by {@link EchoRule}, written by the core's own writer. Stateless and
 * thread-safe.
 */
public final class ExportService implements ExportUseCase {
    static final String NOT_AVAILABLE = "Not available";
    static final String RESERVED = "Reserved";

    private final FeedCatalogPort catalog;
    private final BookingStorePort store;
    private final HostReservationsPort hostReservations;
    private final ClockPort clock;
    private final Supplier<Duration> copyLag;

    /** Creates the service over the catalog, the booking store and the clock that says what today is. */
    public ExportService(FeedCatalogPort catalog, BookingStorePort store, ClockPort clock) {
        this(catalog, store, HostReservationsPort.none(), clock);
    }

    /** Creates the service that also exports the reservations a host keeps in its own tables. */
    public ExportService(
            FeedCatalogPort catalog, BookingStorePort store, HostReservationsPort hostReservations, ClockPort clock) {
        this(catalog, store, hostReservations, clock, () -> Duration.ZERO);
    }

    /**
     * Creates the service with the echo rule's lag ({@link EchoRule.Times#lag()}): bokit gives the sync interval, read
     * at each export.
     */
    public ExportService(
            FeedCatalogPort catalog,
            BookingStorePort store,
            HostReservationsPort hostReservations,
            ClockPort clock,
            Supplier<Duration> copyLag) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = Objects.requireNonNull(store, "store");
        this.hostReservations = Objects.requireNonNull(hostReservations, "hostReservations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.copyLag = Objects.requireNonNull(copyLag, "copyLag");
    }

    @Override
    public ExportResult export(ExportCommand command) {
        Objects.requireNonNull(command, "command");
        Calendar calendar = catalog.findCalendar(command.calendar())
                .orElseThrow(() -> new InvalidInputException("Unknown calendar " + command.calendar()));
        if (command.target() != null) {
            Feed feed = catalog.findFeed(command.target())
                    .orElseThrow(() -> new InvalidInputException("Unknown feed " + command.target()));
            if (!feed.calendar().equals(calendar.key())) {
                throw new InvalidInputException(
                        "Feed " + feed.id() + " belongs to calendar " + feed.calendar() + ", not to " + calendar.key());
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.now(), calendar.zone());
        LocalDate earliestCheckOut = today.minus(command.pastWindow());
        // BookingQuery.from keeps check-outs after that day, so one day earlier keeps check-out == earliest
        // inactive and soft-deleted bookings too: a channel may still hold a copy of one (EchoRule)
        List<Booking> bookings = new ArrayList<>(
                store.find(new BookingQuery(calendar.key(), earliestCheckOut.minusDays(1), null, Set.of(), true)));
        bookings.addAll(hostBookings(calendar, earliestCheckOut));
        List<ExportEvent> events = new ArrayList<>();
        for (Booking booking :
                EchoRule.exported(bookings, command.target(), new HistoryTimes(store, calendar.key(), copyLag.get()))) {
            events.add(event(booking, command.guestNames()));
        }
        return new ExportResult(ICalWriter.write(Secrets.mask(calendar.name()), events), events.size());
    }

    /** The host's own reservations as bookings of {@link FeedId#host()}, each reference once. */
    private List<Booking> hostBookings(Calendar calendar, LocalDate earliestCheckOut) {
        List<HostReservation> reservations;
        try {
            reservations = hostReservations.reservations(calendar.key(), earliestCheckOut, null);
        } catch (RuntimeException e) {
            throw new StorageException("Cannot read the host's reservations of calendar " + calendar.key(), e);
        }
        if (reservations == null) {
            throw new StorageException("The host's reservations port returned null for calendar " + calendar.key());
        }
        List<Booking> bookings = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (HostReservation reservation : reservations) {
            if (reservation.checkOut().isBefore(earliestCheckOut) || !references.add(reservation.reference())) {
                continue;
            }
            BookingData data = BookingData.allDay(
                    reservation.block() ? BookingStatus.BLOCKED : BookingStatus.CONFIRMED,
                    reservation.guestName(),
                    reservation.checkIn(),
                    reservation.checkOut());
            bookings.add(Booking.imported(calendar.key(), FeedId.host(), BookingKey.of(reservation.reference()), data));
        }
        return bookings;
    }

    private static ExportEvent event(Booking booking, boolean guestNames) {
        LocalDate checkIn = booking.current().checkIn();
        LocalDate checkOut = booking.current().checkOut();
        if (!checkOut.isAfter(checkIn)) {
            checkOut = checkIn.plusDays(1); // a stay with DTEND = DTSTART blocks its one day
        }
        String uid = ExportUids.of(booking.calendar(), booking.feed(), booking.key());
        return new ExportEvent(uid, checkIn, checkOut, summary(booking, guestNames));
    }

    private static String summary(Booking booking, boolean guestNames) {
        if (!guestNames || booking.status().isBlock()) {
            return NOT_AVAILABLE;
        }
        String guest = booking.current().guestName();
        // a name is text, never an address: a URL typed into it loses its query like any URL bokit shows
        return guest == null || guest.isBlank() ? RESERVED : Secrets.mask(guest.strip());
    }
}
