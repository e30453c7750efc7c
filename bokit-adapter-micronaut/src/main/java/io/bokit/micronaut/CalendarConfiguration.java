package io.bokit.micronaut;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * A calendar registered at startup, from {@code bokit.calendars.<key>.*}; registering is idempotent:
 * what the database already has is left as it is. Its feeds ({@code bokit.calendars.<key>.feeds.*})
 * are deliberately not bound here: their URLs carry secret tokens, and Micronaut's bean resolution
 * trace ({@code io.micronaut.inject} at TRACE) prints every value it injects into a bean, so
 * {@link StartupRegistration} reads them from the environment instead.
 */
@EachProperty(BokitConfiguration.PREFIX + ".calendars")
public final class CalendarConfiguration {
    private final String key;
    private String name;
    private String zone;

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
}
