package io.bokit.micronaut;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A calendar and its feeds registered at startup, from {@code bokit.calendars.<key>.*}; registering
 * is idempotent: what the database already has is left as it is.
 */
@EachProperty(BokitConfiguration.PREFIX + ".calendars")
public final class CalendarConfiguration {
    private final String key;
    private String name;
    private String zone;
    private Map<String, String> feeds = new LinkedHashMap<>();

    CalendarConfiguration(@Parameter String key) {
        this.key = key;
    }

    /** The calendar's key: the name of its property block. */
    public String getKey() {
        return key;
    }

    /** The display name; the key when not set. */
    public String getName() {
        return name == null || name.isBlank() ? key : name;
    }

    /** Sets the display name. */
    public void setName(String name) {
        this.name = name;
    }

    /** The time zone id, or null for the {@code timezone} option. */
    public String getZone() {
        return zone;
    }

    /** Sets the time zone id, e.g. {@code Europe/Paris}. */
    public void setZone(String zone) {
        this.zone = zone;
    }

    /** The feeds: feed id to feed URL. */
    public Map<String, String> getFeeds() {
        return feeds;
    }

    /** Sets the feeds: feed id to feed URL. */
    public void setFeeds(Map<String, String> feeds) {
        this.feeds = feeds == null ? new LinkedHashMap<>() : new LinkedHashMap<>(feeds);
    }
}
