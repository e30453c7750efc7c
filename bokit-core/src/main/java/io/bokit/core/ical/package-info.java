/**
 * Turns channel iCalendar feeds (Airbnb, Booking.com, Agoda, Beds24, OwnerRez, Google …) into booking data.
 *
 * <p>{@link io.bokit.core.ical.ICalParser} is the entry point. It streams the text through ical4j's
 * {@code CalendarParser}, never builds ical4j's object model per event and never reaches the network: time
 * zones are resolved with {@code java.time} only.
 */
package io.bokit.core.ical;
