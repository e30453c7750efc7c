package io.bokit.cli;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.in.ExportResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bokit-cli export CALENDAR [--for FEED] [-o FILE]}: the body a host serves for that export. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Prints a calendar's iCal export, or writes it to a file: the body a host serves for it.")
final class ExportCalendarCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CALENDAR", description = "The calendar to export.")
    String calendar;

    @Option(
            names = "--for",
            paramLabel = "FEED",
            description = "The channel's feed the export is for: its own bookings and their echoes are left out.")
    String feed;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the body to this file (UTF-8, CRLF) instead of printing it.")
    Path file;

    @Option(names = "--guest-names", description = "Show guest names instead of \"Not available\".")
    boolean guestNames;

    ExportCalendarCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CalendarKey key = CalendarKey.of(calendar);
        ExportCommand command = (feed == null ? ExportCommand.of(key) : ExportCommand.forFeed(key, FeedId.of(feed)))
                .withGuestNames(guestNames);
        try (Store store = context.openStore()) {
            ExportResult result = store.bokit().export().export(command);
            if (file == null) {
                spec.commandLine().getOut().print(result.body());
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
            byte[] bytes = result.body().getBytes(StandardCharsets.UTF_8);
            try {
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new CliException(ExitCodes.ERROR, "Cannot write " + file + ": " + e.getMessage(), e);
            }
            spec.commandLine()
                    .getOut()
                    .println("Wrote " + result.events() + " events (" + bytes.length + " bytes) to " + file);
            return ExitCodes.OK;
        }
    }
}
