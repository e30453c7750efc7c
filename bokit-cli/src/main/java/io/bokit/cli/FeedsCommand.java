package io.bokit.cli;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.in.AddFeedCommand;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bokit-cli feeds add|list|remove|enable|disable}: the channel exports attached to calendars. */
@Command(
        name = "feeds",
        mixinStandardHelpOptions = true,
        description = {
            "Manages feeds: the iCal exports of the channels (Airbnb, Booking.com, Beds24 …), one per calendar and channel.",
            "Feed URLs hold secret tokens: they are shown masked unless you ask for --show-secrets."
        })
final class FeedsCommand {
    /** A URL scheme of two letters or more (so a Windows drive letter is a path). */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final CliContext context;

    @Spec
    CommandSpec spec;

    FeedsCommand(CliContext context) {
        this.context = context;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description =
                    "Attaches a feed to a calendar: an http(s) URL, a file: URL or the path of a local .ics file.")
    int add(
            @Option(names = "--calendar", required = true, paramLabel = "KEY", description = "The calendar it fills.")
                    String calendar,
            @Parameters(paramLabel = "URL", description = "https://…, file:/…, or a path such as ./airbnb.ics")
                    String url,
            @Option(
                            names = "--id",
                            paramLabel = "ID",
                            description = "Its id (default: <calendar>-<host>, e.g. seaview-airbnb).")
                    String id,
            @Option(names = "--name", paramLabel = "NAME", description = "Its display name (default: the URL's host).")
                    String name,
            @Option(names = "--show-secrets", description = "Print the whole URL, tokens included.")
                    boolean showSecrets) {
        AddFeedCommand command = new AddFeedCommand(
                CalendarKey.of(calendar), id == null ? null : FeedId.of(id), feedUrl(url), blankToNull(name));
        try (Store store = context.openStore()) {
            Feed feed = store.bokit().feeds().addFeed(command);
            spec.commandLine()
                    .getOut()
                    .println("Added feed " + feed.id() + " (" + feed.name() + ") to calendar " + feed.calendar() + ": "
                            + shown(feed, showSecrets));
            // a warning, not a refusal: the feed may be meant for a later sync with --allow or --allow-private
            store.fetchSettings()
                    .refusal(feed.url())
                    .filter(refusal -> refusal.startsWith("refused: "))
                    .ifPresent(refusal -> spec.commandLine()
                            .getErr()
                            .println("bokit-cli: warning: syncs will not fetch this feed: " + refusal));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the feeds, URLs masked.")
    int list(
            @Option(names = "--show-secrets", description = "Show whole URLs, tokens included.") boolean showSecrets,
            @Option(names = "--json", description = "Print a JSON array.") boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = context.openStore()) {
            List<Feed> feeds = store.bokit().feeds().feeds();
            if (json) {
                out.println(Json.write(feeds.stream()
                        .map(feed -> Json.object(
                                "id", feed.id().value(),
                                "calendar", feed.calendar().value(),
                                "name", feed.name(),
                                "url", shown(feed, showSecrets),
                                "enabled", feed.enabled()))
                        .toList()));
                return ExitCodes.OK;
            }
            if (feeds.isEmpty()) {
                out.println("No feeds yet. Add one: bokit-cli feeds add --calendar KEY URL");
                return ExitCodes.OK;
            }
            Table table = new Table("ID", "CALENDAR", "NAME", "ENABLED", "URL");
            feeds.forEach(feed -> table.row(
                    feed.id(), feed.calendar(), feed.name(), feed.enabled() ? "yes" : "no", shown(feed, showSecrets)));
            table.print(out, "");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes a feed; the bookings it brought are kept.")
    int remove(@Parameters(paramLabel = "ID") String id) {
        FeedId feed = FeedId.of(id);
        try (Store store = context.openStore()) {
            store.bokit().feeds().removeFeed(feed);
            spec.commandLine().getOut().println("Removed feed " + feed + " (its bookings are kept)");
            return ExitCodes.OK;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Lets syncs fetch a feed again.")
    int enable(@Parameters(paramLabel = "ID") String id) {
        return setEnabled(id, true);
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Stops syncs from fetching a feed; its bookings stay as they are.")
    int disable(@Parameters(paramLabel = "ID") String id) {
        return setEnabled(id, false);
    }

    private int setEnabled(String id, boolean enabled) {
        FeedId feed = FeedId.of(id);
        try (Store store = context.openStore()) {
            store.bokit().feeds().setEnabled(feed, enabled);
            spec.commandLine().getOut().println((enabled ? "Enabled" : "Disabled") + " feed " + feed);
            return ExitCodes.OK;
        }
    }

    /** An http(s) or file URL as given, or a local path turned into a file URL (the file must exist). */
    static FeedUrl feedUrl(String text) {
        String value = text.strip();
        if (SCHEME.matcher(value).matches()) {
            return FeedUrl.parse(value);
        }
        Path path;
        try {
            path = Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidInputException(
                    "Invalid feed URL or path \"" + withoutQuery(value) + "\": " + e.getReason());
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("No such file: " + withoutQuery(path.toString())
                    + " (give an http(s) URL, a file: URL, or the path of a local .ics file)");
        }
        return FeedUrl.parse(path.toUri().toString());
    }

    /**
     * A path as shown in a message, with anything from a {@code ?} on masked: a URL typed without its
     * scheme ({@code www.airbnb.com/calendar/ical/1.ics?s=…}) is taken for a path, and its token must not
     * be printed.
     */
    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query) + "?…";
    }

    private static String shown(Feed feed, boolean showSecrets) {
        return showSecrets ? feed.url().reveal().toString() : feed.url().masked();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
