package io.bokit.core.port.in;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FetchState;

/**
 * One feed as the status shows it.
 *
 * @param id the feed's id
 * @param name its display name
 * @param calendar its calendar
 * @param maskedUrl its URL with the query masked
 * @param enabled whether runs fetch it
 * @param state its fetch state: last success, last error, failures, back-off
 */
public record FeedStatus(
        FeedId id, String name, CalendarKey calendar, String maskedUrl, boolean enabled, FetchState state) {}
