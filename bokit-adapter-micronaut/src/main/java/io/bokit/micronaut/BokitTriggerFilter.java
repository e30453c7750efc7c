package io.bokit.micronaut;

import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.RequestTrigger;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The wp-cron trigger: after each response is built, hands the request's path to the host's
 * {@link RequestTrigger}. On the event loop that is a path match and one comparison in memory; the
 * check (claim, database) and the sync run on bokit's bounded executor, so no response waits and the
 * response is never changed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = BokitSettings.ENABLED, notEquals = StringUtils.FALSE)
@Requires(property = BokitSettings.TRIGGER_ENABLED, notEquals = StringUtils.FALSE)
public final class BokitTriggerFilter {
    private final RequestTrigger trigger;

    BokitTriggerFilter(BokitHost host) {
        this.trigger = host.trigger();
    }

    /**
     * Notes the finished response; never throws, never touches the response.
     *
     * @param request the request whose response was just built
     */
    @ResponseFilter
    public void afterResponse(HttpRequest<?> request) {
        trigger.afterResponse(request.getPath());
    }
}
