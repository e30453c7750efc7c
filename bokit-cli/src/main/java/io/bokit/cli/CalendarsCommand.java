package io.bokit.cli;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.in.AddCalendarCommand;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bokit-cli calendars add|list|remove}: the bookable units that feeds fill. */
@Command(
        name = "calendars",
        mixinStandardHelpOptions = true,
        description = "Manages calendars: the apartments or rooms whose bookings the feeds bring.")
final class CalendarsCommand {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    CalendarsCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a calendar.")
    int add(
            @Parameters(paramLabel = "KEY", description = "Its key, e.g. seaview: letters, digits, '.', '_', '-'.")
                    String key,
            @Option(names = "--name", paramLabel = "NAME", description = "Its display name (default: the key).")
                    String name,
            @Option(
                            names = "--zone",
                            paramLabel = "ZONE",
                            description = "Its time zone, e.g. Europe/Lisbon (default: the timezone option).")
                    String zone) {
        AddCalendarCommand command = new AddCalendarCommand(CalendarKey.of(key), name == null ? key : name, zone(zone));
        try (Store store = context.openStore()) {
            Calendar calendar = store.bokit().feeds().addCalendar(command);
            spec.commandLine()
                    .getOut()
                    .println("Added calendar " + calendar.key() + " (" + calendar.name() + ", "
                            + Formats.zone(calendar.zone()) + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the calendars.")
    int list(@Option(names = "--json", description = "Print a JSON array.") boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = context.openStore()) {
            Bokit bokit = store.bokit();
            List<Calendar> calendars = bokit.feeds().calendars();
            Map<CalendarKey, Long> feeds = bokit.feeds().feeds().stream()
                    .collect(Collectors.groupingBy(Feed::calendar, Collectors.counting()));
            Function<Calendar, Long> count = calendar -> feeds.getOrDefault(calendar.key(), 0L);
            if (json) {
                out.println(Json.write(calendars.stream()
                        .map(calendar -> Json.object(
                                "key", calendar.key().value(),
                                "name", calendar.name(),
                                "zone", Formats.zone(calendar.zone()),
                                "feeds", count.apply(calendar)))
                        .toList()));
                return ExitCodes.OK;
            }
            if (calendars.isEmpty()) {
                out.println("No calendars yet. Add one: bokit-cli calendars add seaview --name \"Sea View\"");
                return ExitCodes.OK;
            }
            Table table = new Table("KEY", "NAME", "ZONE", "FEEDS");
            calendars.forEach(calendar ->
                    table.row(calendar.key(), calendar.name(), Formats.zone(calendar.zone()), count.apply(calendar)));
            table.print(out, "");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes a calendar that has no feeds left.")
    int remove(@Parameters(paramLabel = "KEY") String key) {
        CalendarKey calendar = CalendarKey.of(key);
        try (Store store = context.openStore()) {
            store.bokit().feeds().removeCalendar(calendar);
            spec.commandLine().getOut().println("Removed calendar " + calendar);
            return ExitCodes.OK;
        }
    }

    private static ZoneId zone(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(
                    "Invalid time zone \"" + text + "\": expected a time-zone id such as Europe/Paris or UTC");
        }
    }
}
