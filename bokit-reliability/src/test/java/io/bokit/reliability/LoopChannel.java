package io.bokit.reliability;

import io.bokit.core.domain.FeedId;
import io.bokit.testkit.ICalFeedBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated channel of the loop (Airbnb, Booking.com or Vrbo): it sells stays on nights it shows free, cancels
 * and moves them, serves a feed of its own reservations plus the blocks it imported, and re-reads bokit's export for
 * it every {@link #period()} intervals. Like the real channels it keeps nothing of bokit's UIDs in its feed: every
 * imported event becomes a block of its own, under a UID of its own and a generic "not available" summary. Each
 * style writes its feed and rewrites what it imports its own way. Not thread-safe (the simulation is one thread).
 */
final class LoopChannel {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** How a channel writes its feed and treats what it imports. */
    enum Style {
        /** {@code Reserved}; blocks {@code Airbnb (Not available)}; a moved import keeps its block's UID. */
        AIRBNB,
        /** {@code CLOSED - <guest>}; blocks {@code CLOSED - Not available}; a moved import is a new block. */
        BOOKING,
        /** {@code Reserved - <guest>} (an undefined status); blocks {@code Blocked}; cancellations stay in the feed. */
        VRBO
    }

    /** A stay the channel sold; mutable: it can move and be cancelled. */
    static final class Stay {
        final LoopChannel channel;
        final String uid;
        final int soldAt;
        LocalDate checkIn;
        LocalDate checkOut;
        boolean cancelled;

        private Stay(LoopChannel channel, String uid, int soldAt, LocalDate checkIn, LocalDate checkOut) {
            this.channel = channel;
            this.uid = uid;
            this.soldAt = soldAt;
            this.checkIn = checkIn;
            this.checkOut = checkOut;
        }

        /** {@code <feed>/<uid>}, as bokit's double-booking records name a booking. */
        String ref() {
            return channel.feed.value() + "/" + uid;
        }

        boolean overlaps(LocalDate in, LocalDate out) {
            return checkIn.isBefore(out) && in.isBefore(checkOut);
        }

        @Override
        public String toString() {
            return ref() + " " + checkIn + ".." + checkOut + (cancelled ? " cancelled" : "");
        }
    }

    /** A block the channel made of one event of bokit's export. */
    record Block(String uid, LocalDate checkIn, LocalDate checkOut) {
        boolean overlaps(LocalDate in, LocalDate out) {
            return checkIn.isBefore(out) && in.isBefore(checkOut);
        }
    }

    private final FeedId feed;
    private final Style style;
    private final int period;
    private final int offset;
    private final Random uids;
    private final List<Stay> stays = new ArrayList<>();
    /** By the export event's UID: the block this channel made of it. */
    private final Map<String, Block> imported = new LinkedHashMap<>();

    private URI export;
    private String etag;
    private int reads;
    private int notModified;

    LoopChannel(FeedId feed, Style style, int period, int offset, long seed) {
        this.feed = feed;
        this.style = style;
        this.period = period;
        this.offset = offset;
        this.uids = new Random(seed);
    }

    FeedId feed() {
        return feed;
    }

    /** Every how many intervals the channel re-reads bokit's export. */
    int period() {
        return period;
    }

    /** Where bokit serves this channel's export (the URL holds a secret token: never print it). */
    void exportAt(URI url) {
        this.export = url;
    }

    /** Whether the channel re-reads bokit's export in this interval. */
    boolean readsAt(int interval) {
        return interval >= offset && (interval - offset) % period == 0;
    }

    /** Every stay ever sold, cancelled ones included. */
    List<Stay> stays() {
        return List.copyOf(stays);
    }

    /** The stays not cancelled. */
    List<Stay> active() {
        return stays.stream().filter(stay -> !stay.cancelled).toList();
    }

    /** The blocks imported from bokit's export. */
    Collection<Block> blocks() {
        return List.copyOf(imported.values());
    }

    int reads() {
        return reads;
    }

    int notModified() {
        return notModified;
    }

    /** Whether the channel shows every night from check-in to the night before check-out free. */
    boolean free(LocalDate checkIn, LocalDate checkOut) {
        return active().stream().noneMatch(stay -> stay.overlaps(checkIn, checkOut))
                && imported.values().stream().noneMatch(block -> block.overlaps(checkIn, checkOut));
    }

    /** Sells a stay (the caller checked the nights are free, or is making a double booking on purpose). */
    Stay sell(LocalDate checkIn, LocalDate checkOut, int interval) {
        Stay stay = new Stay(this, newUid("R"), interval, checkIn, checkOut);
        stays.add(stay);
        return stay;
    }

    void cancel(Stay stay) {
        stay.cancelled = true;
    }

    void move(Stay stay, LocalDate checkIn, LocalDate checkOut) {
        stay.checkIn = checkIn;
        stay.checkOut = checkOut;
    }

    /** Whether the nights are free but for this stay's own (a stay can move onto nights it holds). */
    boolean freeFor(Stay moving, LocalDate checkIn, LocalDate checkOut) {
        return active().stream().noneMatch(stay -> stay != moving && stay.overlaps(checkIn, checkOut))
                && imported.values().stream().noneMatch(block -> block.overlaps(checkIn, checkOut));
    }

    /**
     * The channel's feed: its reservations (checking out a week ago or later) and the blocks it imported, in its
     * style.
     */
    String feedBody(LocalDate today) {
        ICalFeedBuilder body = ICalFeedBuilder.withProdId("-//" + style + "//loop simulation//EN");
        for (Stay stay : stays) {
            if (stay.checkOut.isBefore(today.minusDays(7))) {
                continue;
            }
            if (!stay.cancelled) {
                body.event(stay.uid, stay.checkIn, stay.checkOut, reservedSummary(stay));
            } else if (style == Style.VRBO) {
                body.raw(cancelledEvent(stay));
            }
        }
        for (Block block : imported.values()) {
            if (!block.checkOut().isBefore(today)) {
                body.event(block.uid(), block.checkIn(), block.checkOut(), blockSummary());
            }
        }
        return body.build();
    }

    /**
     * Re-reads bokit's export over HTTP (conditionally, with the last ETag) and updates the imported blocks: an event
     * gone frees its block, a new one makes a block under a new UID, a moved one moves its block (Airbnb, Vrbo) or
     * replaces it (Booking.com).
     *
     * @return the HTTP status (200 or 304)
     */
    int reread(HttpClient http) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(export).timeout(Duration.ofSeconds(10)).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("The " + feed + " channel could not read its export", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        reads++;
        if (response.statusCode() == 304) {
            notModified++;
            return 304;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The " + feed + " channel's export answered " + response.statusCode());
        }
        etag = response.headers().firstValue("ETag").orElse(null);
        importEvents(ExportEvents.parse(response.body()));
        return 200;
    }

    private void importEvents(Map<String, ExportEvents.Event> events) {
        imported.keySet().retainAll(events.keySet());
        for (ExportEvents.Event event : events.values()) {
            Block block = imported.get(event.uid());
            if (block == null) {
                imported.put(event.uid(), new Block(newUid("B"), event.checkIn(), event.checkOut()));
            } else if (!block.checkIn().equals(event.checkIn())
                    || !block.checkOut().equals(event.checkOut())) {
                String uid = style == Style.BOOKING ? newUid("B") : block.uid();
                imported.put(event.uid(), new Block(uid, event.checkIn(), event.checkOut()));
            }
        }
    }

    private String reservedSummary(Stay stay) {
        return switch (style) {
            case AIRBNB -> "Reserved";
            case BOOKING -> "CLOSED - Guest " + stay.uid.substring(0, 4);
            case VRBO -> "Reserved - Guest " + stay.uid.substring(0, 4);
        };
    }

    private String blockSummary() {
        return switch (style) {
            case AIRBNB -> "Airbnb (Not available)";
            case BOOKING -> "CLOSED - Not available";
            case VRBO -> "Blocked";
        };
    }

    private static String cancelledEvent(Stay stay) {
        return "BEGIN:VEVENT\r\nDTSTAMP:20300101T000000Z\r\nDTSTART;VALUE=DATE:" + DATE.format(stay.checkIn)
                + "\r\nDTEND;VALUE=DATE:" + DATE.format(stay.checkOut) + "\r\nSUMMARY:Reserved\r\nSTATUS:CANCELLED\r\n"
                + "UID:" + stay.uid + "\r\nEND:VEVENT\r\n";
    }

    /** A UID in the channel's own style, never one of bokit's. */
    private String newUid(String kind) {
        String hex = Long.toHexString(uids.nextLong() & Long.MAX_VALUE);
        return switch (style) {
            case AIRBNB -> kind + hex + "@airbnb.com";
            case BOOKING -> hex + kind.toLowerCase() + "@booking.com";
            case VRBO -> "vrbo-" + kind + "-" + hex;
        };
    }

    @Override
    public String toString() {
        return feed + " (re-reads every " + period + " h)";
    }

    /** The few lines of an export a channel reads: each VEVENT's UID and all-day dates. */
    static final class ExportEvents {
        private ExportEvents() {}

        /** One event of the export. */
        record Event(String uid, LocalDate checkIn, LocalDate checkOut) {}

        /** The events by UID (bokit's export is all-day events; its lines are unfolded first). */
        static Map<String, Event> parse(String body) {
            Map<String, Event> events = new LinkedHashMap<>();
            Map<String, String> current = null;
            for (String line : body.replace("\r\n ", "").split("\r\n")) {
                if (line.equals("BEGIN:VEVENT")) {
                    current = new HashMap<>();
                } else if (line.equals("END:VEVENT") && current != null) {
                    Event event = new Event(
                            current.get("UID"),
                            LocalDate.parse(current.get("DTSTART"), DATE),
                            LocalDate.parse(current.get("DTEND"), DATE));
                    events.put(event.uid(), event);
                    current = null;
                } else if (current != null) {
                    int colon = line.indexOf(':');
                    int semicolon = line.indexOf(';');
                    int nameEnd = semicolon >= 0 && semicolon < colon ? semicolon : colon;
                    if (colon > 0) {
                        current.put(line.substring(0, nameEnd), line.substring(colon + 1));
                    }
                }
            }
            return events;
        }
    }
}
