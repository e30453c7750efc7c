package io.bokit.core.ical;

import io.bokit.core.domain.BookingStatus;
import java.util.Locale;

/** The channel rules that turn a SUMMARY or a description status into a booking status and guest name. Stateless. */
final class StatusRules {
    private static final String CLOSED_PREFIX = "closed - ";

    private StatusRules() {}

    /**
     * What a SUMMARY means.
     *
     * @param status the status the summary implies
     * @param guestName the guest's name it carries, or null (fixed words such as {@code Reserved} carry none)
     */
    record SummaryMeaning(BookingStatus status, String guestName) {}

    /** The meaning of an (unescaped) SUMMARY; null or blank means undefined without a guest. */
    static SummaryMeaning fromSummary(String summary) {
        String text = summary == null ? "" : summary.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "" -> {
                return new SummaryMeaning(BookingStatus.UNDEFINED, null);
            }
            case "reserved", "booked" -> {
                return new SummaryMeaning(BookingStatus.CONFIRMED, null);
            }
            case "airbnb (not available)",
                    "not available",
                    "unavailable",
                    "blocked",
                    "closed",
                    "closed -",
                    "closed - not available" -> {
                return new SummaryMeaning(BookingStatus.UNAVAILABLE, null);
            }
            default -> {
                if (lower.startsWith(CLOSED_PREFIX)) {
                    return new SummaryMeaning(
                            BookingStatus.CONFIRMED,
                            text.substring(CLOSED_PREFIX.length()).strip());
                }
                return new SummaryMeaning(BookingStatus.UNDEFINED, text);
            }
        }
    }

    /**
     * The status named by a channel's own status text (the Beds24 {@code STATUS:} line), case-insensitive; unknown
     * names are undefined. Bokit's local states (vanished, deleted) are never taken from a feed.
     */
    static BookingStatus fromChannelStatus(String text) {
        String code = text.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return switch (code) {
            case "confirmed", "new", "booked", "reserved" -> BookingStatus.CONFIRMED;
            case "cancelled", "canceled" -> BookingStatus.CANCELLED;
            case "cancelled_by_owner", "canceled_by_owner" -> BookingStatus.CANCELLED_BY_OWNER;
            case "cancelled_by_guest", "canceled_by_guest" -> BookingStatus.CANCELLED_BY_GUEST;
            case "inquiry", "enquiry", "request" -> BookingStatus.INQUIRY;
            case "black", "blocked", "block" -> BookingStatus.BLOCKED;
            case "unavailable", "not_available" -> BookingStatus.UNAVAILABLE;
            default -> BookingStatus.UNDEFINED;
        };
    }
}
