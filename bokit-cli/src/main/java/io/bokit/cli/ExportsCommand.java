package io.bokit.cli;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.IssuedExport;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bokit-cli exports add|list|rotate|remove}: the exports a host serves at {@code <path>/<token>.ics}. A token
 * is shown once, by {@code add} and {@code rotate}: bokit keeps only its hash, so {@code list} shows its first
 * characters.
 */
@Command(
        name = "exports",
        mixinStandardHelpOptions = true,
        description = "Manages the served exports: one secret URL per calendar and channel, to paste into the channel.")
final class ExportsCommand {
    /** The hosts' default {@code bokit.export.path}. */
    static final String DEFAULT_PATH = "/bokit/ical";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    ExportsCommand(CliContext context) {
        this.context = context;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds an export and prints its secret token and path, this once only.")
    int add(
            @Parameters(paramLabel = "CALENDAR", description = "The calendar to export.") String calendar,
            @Option(
                            names = "--for",
                            paramLabel = "FEED",
                            description = "The channel's feed the export is for: its own bookings are left out.")
                    String feed,
            @Option(names = "--guest-names", description = "Show guest names instead of \"Not available\".")
                    boolean guestNames,
            @Option(
                            names = "--path",
                            paramLabel = "PATH",
                            description = "The host's bokit.export.path (default: ${DEFAULT-VALUE}).",
                            defaultValue = DEFAULT_PATH)
                    String path) {
        AddExportCommand command =
                new AddExportCommand(CalendarKey.of(calendar), feed == null ? null : FeedId.of(feed), guestNames);
        try (Store store = context.openStore()) {
            IssuedExport issued = store.bokit().exportLinks().add(command);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Added export " + issued.link().id() + " of calendar "
                    + issued.link().calendar() + (feed == null ? "" : " for feed " + feed));
            printToken(out, issued, path);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the exports, tokens masked.")
    int list(@Option(names = "--json", description = "Print a JSON array.") boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = context.openStore()) {
            List<ExportLink> links = store.bokit().exportLinks().list();
            if (json) {
                out.println(Json.write(links.stream()
                        .map(link -> Json.object(
                                "id", link.id().value(),
                                "calendar", link.calendar().value(),
                                "for",
                                        link.target() == null
                                                ? null
                                                : link.target().value(),
                                "guestNames", link.guestNames(),
                                "token", link.tokenHint(),
                                "created", Formats.instant(link.created()),
                                "rotated", link.rotated() == null ? null : Formats.instant(link.rotated())))
                        .toList()));
                return ExitCodes.OK;
            }
            if (links.isEmpty()) {
                out.println("No exports yet. Add one: bokit-cli exports add seaview --for seaview-airbnb");
                return ExitCodes.OK;
            }
            Table table = new Table("ID", "CALENDAR", "FOR", "TOKEN", "GUEST NAMES", "CREATED", "ROTATED");
            links.forEach(link -> table.row(
                    link.id(),
                    link.calendar(),
                    link.target() == null ? "-" : link.target(),
                    link.tokenHint(),
                    link.guestNames() ? "yes" : "no",
                    Formats.instant(link.created()),
                    Formats.instant(link.rotated())));
            table.print(out, "");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = "Gives an export a new token (the old URL stops working) and prints it, this once only.")
    int rotate(
            @Parameters(paramLabel = "ID") String id,
            @Option(
                            names = "--path",
                            paramLabel = "PATH",
                            description = "The host's bokit.export.path (default: ${DEFAULT-VALUE}).",
                            defaultValue = DEFAULT_PATH)
                    String path) {
        try (Store store = context.openStore()) {
            IssuedExport issued = store.bokit().exportLinks().rotate(ExportId.of(id));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Rotated export " + issued.link().id() + ": the old URL no longer works");
            printToken(out, issued, path);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes an export: its URL stops working.")
    int remove(@Parameters(paramLabel = "ID") String id) {
        ExportId export = ExportId.of(id);
        try (Store store = context.openStore()) {
            if (!store.bokit().exportLinks().remove(export)) {
                throw new InvalidInputException("Unknown export " + export);
            }
            spec.commandLine().getOut().println("Removed export " + export);
            return ExitCodes.OK;
        }
    }

    private static void printToken(PrintWriter out, IssuedExport issued, String path) {
        out.println("Token: " + issued.token().reveal());
        out.println("Path:  " + issued.path(path.strip()));
        out.println("bokit keeps only the token's hash: copy the URL now; `exports rotate "
                + issued.link().id() + "` makes a new one.");
    }
}
