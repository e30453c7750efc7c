package io.bokit.core.ical;

/**
 * A date-like property as written in the feed.
 *
 * @param text the value text, as read
 * @param tzid the TZID parameter, or null
 * @param date whether the property said {@code VALUE=DATE}
 */
record RawValue(String text, String tzid, boolean date) {}
