package io.bokit.cli;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bokit-cli demo}: a real sync, over HTTP on loopback, of bundled sample feeds into a fresh
 * embedded store, run twice to show what a second sync does. Never touches your own store.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Shows bokit at work without touching your store: starts a feed server on 127.0.0.1 serving three sample"
                    + " feeds (modelled on Airbnb, Booking.com and Beds24), syncs them over HTTP into a fresh embedded"
                    + " store, changes two of them as a channel would, and syncs again.",
            "The demo store is deleted afterwards unless you pass --keep."
        })
final class DemoCommand implements Callable<Integer> {
    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");
    private static final CalendarKey CALENDAR = CalendarKey.of("seaview");

    private final CliContext context;

    @Spec
    CommandSpec spec;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--keep", description = "Keep the demo store and print how to look at it.")
    boolean keep;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Files.createTempDirectory("bokit-demo-");
        int failed = 0;
        LocalDate today = LocalDate.ofInstant(context.now(), ZONE);
        try (DemoFeeds channel = new DemoFeeds(today);
                Store store = Store.open(StoreSettings.embedded(home, true), true, context.clock())) {
            Bokit bokit = store.bokit();
            bokit.options().set("install.complete", "true");
            bokit.feeds().addCalendar(new AddCalendarCommand(CALENDAR, "Sea View Apartment", ZONE));
            add(
                    bokit,
                    "seaview-airbnb",
                    "Airbnb (sample)",
                    channel.serve("/airbnb/calendar/ical/4242.ics", "airbnb-1.ics") + "?s=demo-token");
            add(
                    bokit,
                    "seaview-booking",
                    "Booking.com (sample)",
                    channel.serve("/booking/v1/export/seaview.ics", "booking-1.ics") + "?t=demo-token");
            add(bokit, "seaview-beds24", "Beds24 (sample)", channel.serve("/beds24/ical/seaview.ics", "beds24.ics"));

            out.println("bokit demo: three sample channel feeds served over HTTP on " + channel.address()
                    + ", synced into a fresh embedded store (" + store.describe() + ").");
            out.println();
            out.println("First sync: every booking is new.");
            failed += sync(bokit, out);
            out.println();
            printBookings(bokit, out, today);

            channel.serve("/airbnb/calendar/ical/4242.ics", "airbnb-2.ics");
            channel.serve("/booking/v1/export/seaview.ics", "booking-2.ics");
            out.println();
            out.println("Second sync, after the channels changed: an Airbnb reservation was cancelled (it vanishes),"
                    + " the Booking.com guest stays one night longer (updated), Beds24 did not change.");
            failed += sync(bokit, out);
        } finally {
            if (!keep) {
                delete(home);
            }
        }
        out.println();
        if (keep) {
            out.println("The demo store is kept: look at it with");
            out.println("  bokit-cli --home " + home + " status");
            out.println("  bokit-cli --home " + home + " history");
        }
        out.println("Now your own calendars (stored in " + context.homeDirectory()
                + " unless --db or BOKIT_DB_URL says otherwise):");
        out.println("  bokit-cli calendars add seaview --name \"Sea View\" --zone Europe/Lisbon");
        out.println("  bokit-cli feeds add --calendar seaview 'https://www.airbnb.com/calendar/ical/…ics?s=…'");
        out.println("  bokit-cli sync");
        return failed > 0 ? ExitCodes.FEEDS_FAILED : ExitCodes.OK;
    }

    private static void add(Bokit bokit, String id, String name, String url) {
        bokit.feeds().addFeed(new AddFeedCommand(CALENDAR, FeedId.of(id), FeedUrl.parse(url), name));
    }

    private int sync(Bokit bokit, PrintWriter out) {
        SyncResult result = bokit.sync().sync(io.bokit.core.port.in.SyncCommand.forceAll());
        if (!(result instanceof SyncResult.Completed completed)) {
            throw new IllegalStateException("the demo store is fresh, yet the sync did not run: " + result);
        }
        SyncReport report = completed.report();
        Map<FeedId, FetchState> states =
                bokit.feeds().feeds().stream().collect(Collectors.toMap(Feed::id, Feed::fetchState));
        Function<FeedResult, FetchState> state = feed -> states.get(feed.feed());
        ReportPrinter.text(out, report, state, context.now());
        return report.errors();
    }

    private static void printBookings(Bokit bokit, PrintWriter out, LocalDate today) {
        out.println("The bookings of Sea View Apartment (today is " + today + "):");
        Table table = new Table("CHECK-IN", "CHECK-OUT", "STATUS", "GUEST", "FEED");
        for (Booking booking : bokit.bookings().find(new BookingQuery(CALENDAR, null, null, Set.of(), false))) {
            BookingData data = booking.current();
            table.row(data.checkIn(), data.checkOut(), data.status().code(), data.guestName(), booking.feed());
        }
        table.print(out, "  ");
    }

    private static void delete(Path home) {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
