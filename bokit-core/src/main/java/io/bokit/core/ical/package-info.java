/**
 * Turns channel iCalendar feeds (Airbnb, Booking.com, Agoda, Beds24, OwnerRez, Google …) into booking data.
 *
 * <p>{@link io.bokit.core.ical.ICalParser} is the entry point. It streams the text content line by content line with
 * its own tolerant lexer (so that one bad line costs at most its event), uses ical4j only to expand RRULEs, never
 * builds ical4j's object model and never reaches the network: time zones are resolved with {@code java.time} only.
 */
package io.bokit.core.ical;
