package io.bokit.cli;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.Overlap;
import io.bokit.core.domain.Secrets;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bokit-cli overlaps list}: the double bookings, two sources holding the same nights, open ones first. */
@Command(
        name = "overlaps",
        mixinStandardHelpOptions = true,
        description = "Shows double bookings: two channels (or a channel and a local booking) that hold the same"
                + " nights of one calendar. A record closes by itself once either side is cancelled, vanishes or"
                + " moves away (see docs/double-bookings.md).")
final class OverlapsCommand {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    OverlapsCommand(CliContext context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Lists the open double bookings; with --all, the recent ones too (open and closed), newest"
                    + " first.")
    int list(
            @Option(names = "--calendar", paramLabel = "KEY", description = "Only this calendar's open ones.")
                    String calendar,
            @Option(names = "--all", description = "The recent records, open and closed, newest first.") boolean all,
            @Option(
                            names = "--limit",
                            paramLabel = "N",
                            defaultValue = "50",
                            description =
                                    "With --all: at most this many records, 1 to 10000 (default: ${DEFAULT-VALUE}).")
                    int limit,
            @Option(names = "--json", description = "Print a JSON array (see docs/cli.md).") boolean json) {
        if (all && calendar != null) {
            throw new InvalidInputException("--calendar lists open records only; leave it out with --all");
        }
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("--limit must be 1 to 10000, was " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = context.openStore()) {
            Bokit bokit = store.bokit();
            CalendarKey key = calendar == null ? null : CalendarKey.of(calendar);
            if (key != null
                    && bokit.feeds().calendars().stream().noneMatch(c -> c.key().equals(key))) {
                throw new InvalidInputException("Unknown calendar " + key);
            }
            List<DoubleBooking> records = all
                    ? bokit.doubleBookings().recent(limit)
                    : bokit.doubleBookings().open(key);
            if (json) {
                out.println(
                        Json.write(records.stream().map(OverlapsCommand::json).toList()));
                return ExitCodes.OK;
            }
            if (records.isEmpty()) {
                out.println(all ? "No double booking recorded yet." : "No double booking is open.");
                return ExitCodes.OK;
            }
            Table table = new Table("CALENDAR", "NIGHTS", "FROM", "TO", "FIRST", "SECOND", "FOUND", "CLOSED");
            for (DoubleBooking record : records) {
                Overlap overlap = record.overlap();
                table.row(
                        overlap.calendar(),
                        overlap.nights(),
                        overlap.from(),
                        overlap.to(),
                        ref(overlap.first()),
                        ref(overlap.second()),
                        Formats.instant(record.foundAt()),
                        record.open() ? "open" : Formats.instant(record.closedAt()));
            }
            table.print(out, "");
            return ExitCodes.OK;
        }
    }

    /** {@code seaview 2026-12-10..2026-12-12 (2 nights): seaview-airbnb/HM1 and seaview-booking/B7}. */
    static String describe(DoubleBooking record) {
        Overlap overlap = record.overlap();
        return overlap.calendar() + " " + overlap.dates() + " (" + overlap.nights()
                + (overlap.nights() == 1 ? " night" : " nights") + "): " + ref(overlap.first()) + " and "
                + ref(overlap.second());
    }

    /** One record as a JSON object (see docs/cli.md). */
    static Map<String, Object> json(DoubleBooking record) {
        Overlap overlap = record.overlap();
        return Json.object(
                "calendar", overlap.calendar().value(),
                "first", refJson(overlap.first()),
                "second", refJson(overlap.second()),
                "from", overlap.from().toString(),
                "to", overlap.to().toString(),
                "nights", overlap.nights(),
                "foundAt", record.foundAt(),
                "closedAt", record.closedAt(),
                "open", record.open());
    }

    private static Map<String, Object> refJson(BookingRef ref) {
        return Json.object(
                "feed", ref.feed().value(), "booking", Secrets.mask(ref.key().toString()));
    }

    private static String ref(BookingRef ref) {
        return Secrets.mask(ref.toString());
    }
}
