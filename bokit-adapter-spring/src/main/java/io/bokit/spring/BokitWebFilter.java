package io.bokit.spring;

import io.bokit.host.RequestTrigger;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * bokit's after-response trigger for Spring WebFlux: once the rest of the chain has finished with a
 * request (the handler's response written, or the request failed or was cancelled), hands
 * {@link RequestTrigger#afterResponse(String)} to {@link Schedulers#boundedElastic()}, so nothing of
 * bokit ever runs on a Netty event-loop thread and no response waits for it.
 *
 * <p>Why not call the trigger on the event loop: its work on the calling thread is normally one
 * comparison, but {@code AutoSyncService.onRequest} on the one request per refresh period that starts
 * a check calls the check executor's {@code execute} on that thread — a queue offer behind a lock for
 * bokit's own pool, and the whole JDBC check for an executor given to {@code BokitHost.Builder} that
 * runs tasks in place ({@code Runnable::run}); the clock is a replaceable port too. That is not
 * provably non-blocking, so it goes to {@code boundedElastic}. Excluded paths ({@code /actuator/**},
 * static assets …) are matched on the event loop first (a string comparison, no I/O), and never
 * schedule anything. Nothing it does can fail a request.
 */
public final class BokitWebFilter implements WebFilter, Ordered {
    private static final Logger log = LoggerFactory.getLogger(BokitWebFilter.class);

    /** Outermost but for the framework's own filters, so that it sees the chain finish last. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final RequestTrigger trigger;
    private final Scheduler scheduler;

    /** A filter calling this trigger on {@link Schedulers#boundedElastic()}. */
    public BokitWebFilter(RequestTrigger trigger) {
        this(trigger, Schedulers.boundedElastic());
    }

    /**
     * A filter calling this trigger on this scheduler.
     *
     * @param trigger the host's trigger, not null
     * @param scheduler where the trigger runs; never an event-loop scheduler
     */
    public BokitWebFilter(RequestTrigger trigger, Scheduler scheduler) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (trigger.excludes(path)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).doFinally(signal -> afterResponse(path));
    }

    private void afterResponse(String path) {
        try {
            scheduler.schedule(() -> trigger.afterResponse(path));
        } catch (RejectedExecutionException e) {
            // boundedElastic is full or shut down: this request does not count, a later one will
            log.debug("[AutoSync] Sync check not scheduled: {}", e.toString());
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
