package io.bokit.host;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.OptionKey;
import io.bokit.core.port.in.AddFeedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the startup part of {@link BokitSettings} idempotently: the default interval and install
 * gate (each only when the store has no value yet), then the declared calendars and feeds (only those
 * missing; a stored one is never changed). The settings were checked as a whole when they were built,
 * so nothing is half-registered because of a bad declaration.
 */
final class StartupRegistration {
    private static final Logger log = LoggerFactory.getLogger(StartupRegistration.class);

    private StartupRegistration() {}

    static void apply(Bokit bokit, BokitSettings settings) {
        if (settings.defaultInterval() != null) {
            setIfUnset(bokit, OptionKey.SYNC_INTERVAL.key(), settings.defaultInterval());
        }
        if (settings.installComplete() != null) {
            setIfUnset(
                    bokit,
                    OptionKey.INSTALL_COMPLETE.key(),
                    settings.installComplete().toString());
        }
        settings.calendars().forEach(bokit.feeds()::ensureCalendar);
        for (AddFeedCommand wanted : settings.feeds()) {
            Feed stored = bokit.feeds().ensureFeed(wanted);
            if (!stored.url().equals(wanted.url()) || !stored.calendar().equals(wanted.calendar())) {
                log.warn(
                        "[Bokit] Feed {} is already registered in calendar {} with URL {}; the stored one is kept",
                        stored.id().value(),
                        stored.calendar().value(),
                        stored.url().masked());
            }
        }
    }

    private static void setIfUnset(Bokit bokit, String key, String value) {
        if (bokit.options().setIfUnset(key, value)) {
            log.info("[Bokit] Stored {}={} (no value was stored yet)", key, value);
        }
    }
}
