package io.bokit.cli;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.InvalidInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bokit-cli history}: the change log of the bookings, newest first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Shows the change history, newest first: bookings created, updated, vanished, deleted, restored,"
                + " and conflicts with local edits.")
final class HistoryCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    HistoryCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--calendar", paramLabel = "KEY", description = "Only this calendar's changes.")
    String calendar;

    @Option(names = "--feed", paramLabel = "ID", description = "Only this feed's changes.")
    String feed;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "At most this many entries, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array (see docs/cli.md).")
    boolean json;

    @Override
    public Integer call() {
        CalendarKey key = calendar == null ? null : CalendarKey.of(calendar);
        FeedId id = feed == null ? null : FeedId.of(feed);
        HistoryQuery query = new HistoryQuery(key, id, limit);
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = context.openStore()) {
            Bokit bokit = store.bokit();
            if (key != null
                    && bokit.feeds().calendars().stream().noneMatch(c -> c.key().equals(key))) {
                throw new InvalidInputException("Unknown calendar " + key);
            }
            if (id != null && !id.isLocal() && bokit.feeds().feeds().stream().noneMatch(f -> f.id().equals(id))) {
                throw new InvalidInputException("Unknown feed " + id);
            }
            List<BookingChange> changes = bokit.bookings().history(query);
            if (json) {
                out.println(Json.write(changes.stream()
                        .map(change -> Json.object(
                                "at", change.at(),
                                "calendar", change.calendar().value(),
                                "feed", change.feed().value(),
                                "booking", change.key().toString(),
                                "kind", change.kind().name().toLowerCase(Locale.ROOT),
                                "field", change.field(),
                                "oldValue", change.oldValue(),
                                "newValue", change.newValue()))
                        .toList()));
                return ExitCodes.OK;
            }
            if (changes.isEmpty()) {
                out.println("No changes recorded yet.");
                return ExitCodes.OK;
            }
            Table table = new Table("AT", "KIND", "CALENDAR", "FEED", "BOOKING", "CHANGE");
            for (BookingChange change : changes) {
                table.row(
                        Formats.instant(change.at()),
                        change.kind().name().toLowerCase(Locale.ROOT),
                        change.calendar(),
                        change.feed(),
                        change.key(),
                        describe(change));
            }
            table.print(out, "");
            return ExitCodes.OK;
        }
    }

    private static String describe(BookingChange change) {
        if (change.field() == null) {
            return change.newValue() == null ? "" : change.newValue();
        }
        return change.field() + ": " + (change.oldValue() == null ? "-" : change.oldValue()) + " → "
                + (change.newValue() == null ? "-" : change.newValue());
    }
}
