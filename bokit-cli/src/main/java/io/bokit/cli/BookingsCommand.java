package io.bokit.cli;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.in.AddLocalBookingCommand;
import io.bokit.core.port.in.ChangeLocalBookingCommand;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bokit-cli bookings list|add|change|cancel}: the bookings, as a table or JSON, and the host's own (local)
 * bookings, which every export sends to the channels.
 */
@Command(
        name = "bookings",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the bookings, and adds, changes or cancels local ones: reservations made on your own website",
            "or by phone, and owner blocks. Every channel's export sends them; no sync touches them."
        })
final class BookingsCommand {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    BookingsCommand(CliContext context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Lists bookings sorted by check-in; soft-deleted ones only with --deleted.")
    int list(
            @Option(names = "--calendar", paramLabel = "KEY", description = "Only this calendar's bookings.")
                    String calendar,
            @Option(
                            names = "--from",
                            paramLabel = "DATE",
                            description = "Only bookings that check out after this day (YYYY-MM-DD).")
                    String from,
            @Option(
                            names = "--to",
                            paramLabel = "DATE",
                            description = "Only bookings that check in before this day (YYYY-MM-DD).")
                    String to,
            @Option(
                            names = "--status",
                            paramLabel = "STATUS",
                            split = ",",
                            description = "Only these statuses, e.g. confirmed,unavailable (repeatable).")
                    List<String> statuses,
            @Option(names = "--deleted", description = "Include soft-deleted bookings.") boolean deleted,
            @Option(names = "--json", description = "Print a JSON array (see docs/cli.md).") boolean json) {
        Set<BookingStatus> wanted = new LinkedHashSet<>();
        for (String status : statuses == null ? List.<String>of() : statuses) {
            wanted.add(BookingStatus.fromCode(status));
        }
        CalendarKey key = calendar == null ? null : CalendarKey.of(calendar);
        BookingQuery query = new BookingQuery(key, date("--from", from), date("--to", to), wanted, deleted);
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = context.openStore()) {
            Bokit bokit = store.bokit();
            if (key != null
                    && bokit.feeds().calendars().stream().noneMatch(c -> c.key().equals(key))) {
                throw new InvalidInputException("Unknown calendar " + key);
            }
            List<Booking> bookings = bokit.bookings().find(query);
            if (json) {
                out.println(
                        Json.write(bookings.stream().map(BookingsCommand::json).toList()));
                return ExitCodes.OK;
            }
            if (bookings.isEmpty()) {
                out.println("No bookings match.");
                return ExitCodes.OK;
            }
            Table table = new Table("CHECK-IN", "CHECK-OUT", "NIGHTS", "STATUS", "GUEST", "CALENDAR", "FEED", "UID");
            for (Booking booking : bookings) {
                BookingData data = booking.current();
                table.row(
                        data.checkIn(),
                        data.checkOut(),
                        ChronoUnit.DAYS.between(data.checkIn(), data.checkOut()),
                        data.status().code() + (booking.deleted() ? " (deleted)" : ""),
                        data.guestName(),
                        booking.calendar(),
                        booking.feed(),
                        booking.key());
            }
            table.print(out, "");
            out.println(bookings.size() + (bookings.size() == 1 ? " booking" : " bookings"));
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Adds a local booking (confirmed) or, with --block, an owner block.")
    int add(
            @Parameters(paramLabel = "CALENDAR", description = "The calendar's key.") String calendar,
            @Option(
                            names = "--check-in",
                            required = true,
                            paramLabel = "DATE",
                            description = "The arrival day (YYYY-MM-DD).")
                    String checkIn,
            @Option(
                            names = "--check-out",
                            required = true,
                            paramLabel = "DATE",
                            description = "The departure day (YYYY-MM-DD), after the check-in.")
                    String checkOut,
            @Option(
                            names = "--guest",
                            paramLabel = "NAME",
                            description = "The guest's name (exported only where an export opts in to guest names).")
                    String guest,
            @Option(names = "--block", description = "An owner block (the dates are closed, no guest).") boolean block,
            @Option(
                            names = "--ref",
                            paramLabel = "REF",
                            description = "Your own reference, e.g. your website's order number (default: a random "
                                    + "one, local-…).")
                    String reference,
            @Option(names = "--json", description = "Print the booking as JSON (see docs/cli.md).") boolean json) {
        AddLocalBookingCommand command = new AddLocalBookingCommand(
                CalendarKey.of(calendar),
                date("--check-in", checkIn),
                date("--check-out", checkOut),
                guest,
                block,
                reference,
                Map.of());
        try (Store store = context.openStore()) {
            Booking booking = store.bokit().localBookings().add(command);
            return printLocal("Added", booking, json);
        }
    }

    @Command(
            name = "change",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Changes a local booking's dates or guest name.")
    int change(
            @Parameters(paramLabel = "ID", description = "The local booking's reference (its UID).") String reference,
            @Option(names = "--check-in", paramLabel = "DATE", description = "The new arrival day (YYYY-MM-DD).")
                    String checkIn,
            @Option(names = "--check-out", paramLabel = "DATE", description = "The new departure day (YYYY-MM-DD).")
                    String checkOut,
            @Option(names = "--guest", paramLabel = "NAME", description = "The new guest name.") String guest,
            @Option(names = "--no-guest", description = "Remove the guest name.") boolean noGuest,
            @Option(names = "--json", description = "Print the booking as JSON (see docs/cli.md).") boolean json) {
        ChangeLocalBookingCommand command = new ChangeLocalBookingCommand(
                reference, date("--check-in", checkIn), date("--check-out", checkOut), guest, noGuest);
        try (Store store = context.openStore()) {
            Booking booking = store.bokit().localBookings().change(command);
            return printLocal("Changed", booking, json);
        }
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            description = "Cancels a local booking: it leaves every export. Cancelling it again changes nothing.")
    int cancel(
            @Parameters(paramLabel = "ID", description = "The local booking's reference (its UID).") String reference,
            @Option(names = "--json", description = "Print the booking as JSON (see docs/cli.md).") boolean json) {
        try (Store store = context.openStore()) {
            Booking booking = store.bokit().localBookings().cancel(reference);
            return printLocal("Cancelled", booking, json);
        }
    }

    private int printLocal(String verb, Booking booking, boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(booking)));
            return ExitCodes.OK;
        }
        BookingData data = booking.current();
        long nights = ChronoUnit.DAYS.between(data.checkIn(), data.checkOut());
        out.println(verb + " local booking " + booking.key() + " in calendar " + booking.calendar() + ": "
                + data.checkIn() + " → " + data.checkOut() + " (" + nights + (nights == 1 ? " night" : " nights")
                + "), " + data.status().code() + (data.guestName() == null ? "" : ", guest " + data.guestName()));
        return ExitCodes.OK;
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "Invalid date \"" + text + "\" for " + option + ": expected YYYY-MM-DD, e.g. 2026-07-01");
        }
    }

    private static Map<String, Object> json(Booking booking) {
        BookingData data = booking.current();
        return Json.object(
                "calendar", booking.calendar().value(),
                "feed", booking.feed().value(),
                "uid", booking.key().uid(),
                "recurrenceId", booking.key().recurrenceId(),
                "status", data.status().code(),
                "guestName", data.guestName(),
                "checkIn", data.checkIn(),
                "checkOut", data.checkOut(),
                "start", data.start() == null ? null : data.start().toOffsetDateTime(),
                "end", data.end() == null ? null : data.end().toOffsetDateTime(),
                "deleted", booking.deleted(),
                "metadata", data.metadata());
    }
}
