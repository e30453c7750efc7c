package io.bokit.core.ical;

import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Applies the channel rules to one VEVENT: dates, status, guest name, metadata and key. Not thread-safe (it shares
 * the parse's {@link TimeZones}); one per parse.
 */
final class EventMapper {
    static final String DERIVED_PREFIX = "derived-";
    private static final int DERIVED_BYTES = 16;

    private final ZoneId zone;
    private final TimeZones zones;

    EventMapper(ZoneId calendarZone, TimeZones zones) {
        this.zone = calendarZone;
        this.zones = zones;
    }

    /**
     * The event after the channel rules.
     *
     * @throws DamagedEventException when a line of it could not be read or it never ended, when it has no DTSTART, an
     *     unreadable date or duration, or ends before it starts
     */
    MappedEvent map(RawEvent raw) throws DamagedEventException {
        if (raw.damage != null) {
            throw new DamagedEventException(raw.damage);
        }
        if (raw.start == null) {
            throw new DamagedEventException("no DTSTART");
        }
        EventTime start = DateValues.parse(raw.start, zones);
        EventTime end = end(raw, start);
        String summary = raw.summary == null ? null : DescriptionParser.unescape(raw.summary);
        StatusRules.SummaryMeaning meaning = StatusRules.fromSummary(summary);
        DescriptionParser.Description description = DescriptionParser.parse(raw.description);
        BookingStatus status =
                description.status() != null ? StatusRules.fromChannelStatus(description.status()) : meaning.status();
        if (raw.status != null && raw.status.strip().equalsIgnoreCase("CANCELLED")) {
            status = BookingStatus.CANCELLED;
        }
        String uid = raw.uid == null || raw.uid.isBlank() ? derivedUid(start, end, summary) : raw.uid.strip();
        return new MappedEvent(uid, start, end, status, meaning.guestName(), description.metadata());
    }

    /** The booking data of a single event or of an override. */
    BookingData data(MappedEvent event) {
        return data(event, event.start(), event.end());
    }

    /** The booking data of the occurrence of {@code event} that starts at {@code start}, with the event's length. */
    BookingData occurrence(MappedEvent event, EventTime start) {
        EventTime end = event.start().isDate()
                ? EventTime.of(start.date()
                        .plusDays(ChronoUnit.DAYS.between(
                                event.start().date(), event.end().date())))
                : EventTime.of(start.dateTime()
                        .plus(Duration.between(
                                event.start().dateTime(), event.end().dateTime())));
        return data(event, start, end);
    }

    private BookingData data(MappedEvent event, EventTime start, EventTime end) {
        return new BookingData(
                event.status(),
                event.guestName(),
                start.dayIn(zone),
                end.dayIn(zone),
                start.dateTime(),
                end.dateTime(),
                event.metadata());
    }

    private EventTime end(RawEvent raw, EventTime start) throws DamagedEventException {
        EventTime end;
        if (raw.end != null) {
            end = DateValues.parse(raw.end, zones).asKindOf(start, zone);
        } else if (raw.duration != null) {
            end = DateValues.plusDuration(start, raw.duration);
        } else {
            end = start.isDate() ? EventTime.of(start.date().plusDays(1)) : start;
        }
        if (end.isBefore(start)) {
            throw new DamagedEventException("ends before it starts");
        }
        if (start.isDate() && end.equals(start)) {
            return EventTime.of(start.date().plusDays(1));
        }
        return end;
    }

    /** A key for an event without UID, stable across runs: a hash of its start, end and summary. */
    static String derivedUid(EventTime start, EventTime end, String summary) {
        String source = start.idText() + '|' + end.idText() + '|' + (summary == null ? "" : summary.strip());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return DERIVED_PREFIX + HexFormat.of().formatHex(hash, 0, DERIVED_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
