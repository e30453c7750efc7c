package io.bokit.host.micrometer;

import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.host.BokitHost;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Micrometer {@link Observation}s of bokit's work, so the host's tracing backend shows it: one
 * {@value #RUN} per sync run the host starts and one {@value #FETCH} per feed fetch, a child of its run.
 * Their keys are low-cardinality only: {@value #OUTCOME} and, on a fetch, {@value #CHANNEL} (the feed's
 * host name, never its URL or token). Installed on a {@link BokitHost.Builder} by {@link #install}.
 */
public final class BokitObservations {
    /** The observation of one sync run (the request hook's or a sync now). */
    public static final String RUN = "bokit.sync.run";
    /** The observation of one feed fetch. */
    public static final String FETCH = "bokit.feed.fetch";
    /**
     * The outcome key: on a run {@code ok}, {@code partial}, {@code failed} (as {@link BokitMetrics}' result),
     * {@code skipped} (no run happened: the lease is held elsewhere) or {@code error}; on a fetch {@code content},
     * {@code not-modified}, {@code failed} or {@code error}.
     */
    public static final String OUTCOME = "outcome";
    /** The channel key of a fetch: the feed's host name, e.g. {@code www.airbnb.com}. */
    public static final String CHANNEL = "channel";

    private final ObservationRegistry registry;
    private final AtomicReference<Observation> currentRun = new AtomicReference<>();

    private BokitObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Observes the runs and fetches of the host this builder builds.
     *
     * @param builder the host's builder, not null
     * @param registry where the observations go, not null
     * @return the builder
     */
    public static BokitHost.Builder install(BokitHost.Builder builder, ObservationRegistry registry) {
        Objects.requireNonNull(builder, "builder");
        BokitObservations observations = new BokitObservations(Objects.requireNonNull(registry, "registry"));
        return builder.runDecorator(observations::observeRun)
                .fetcherDecorator(observations::observeFetches)
                .listener(observations.new Outcomes());
    }

    private Runnable observeRun(Runnable run) {
        return () -> {
            Observation observation = Observation.createNotStarted(RUN, registry)
                    .contextualName("bokit sync run")
                    .lowCardinalityKeyValue(OUTCOME, "skipped")
                    .start();
            // a sync now while another run holds the lease ends at once as skipped: it must not take the running one's
            // place
            boolean current = currentRun.compareAndSet(null, observation);
            try (Observation.Scope scope = observation.openScope()) {
                run.run();
            } catch (RuntimeException | Error e) {
                observation.lowCardinalityKeyValue(OUTCOME, "error").error(e);
                throw e;
            } finally {
                if (current) {
                    currentRun.compareAndSet(observation, null);
                }
                observation.stop();
            }
        };
    }

    private ICalFeedPort observeFetches(ICalFeedPort fetcher) {
        return request -> {
            Observation observation = Observation.createNotStarted(FETCH, registry)
                    .contextualName("bokit feed fetch")
                    .lowCardinalityKeyValue(CHANNEL, request.url().host());
            Observation run = currentRun.get();
            if (registry.getCurrentObservation() == null && run != null) {
                observation.parentObservation(run); // the run's other threads fetch too
            }
            observation.start();
            try (Observation.Scope scope = observation.openScope()) {
                ICalFeedPort.FetchResult result = fetcher.fetch(request);
                observation.lowCardinalityKeyValue(OUTCOME, outcome(result));
                return result;
            } catch (RuntimeException | Error e) {
                observation.lowCardinalityKeyValue(OUTCOME, "error").error(e);
                throw e;
            } finally {
                observation.stop();
            }
        };
    }

    private static String outcome(ICalFeedPort.FetchResult result) {
        if (result instanceof ICalFeedPort.Content) {
            return "content";
        }
        if (result instanceof ICalFeedPort.NotModified) {
            return "not-modified";
        }
        return "failed";
    }

    /** Puts a finished run's result on its observation. */
    private final class Outcomes implements SyncListener {
        @Override
        public void runCompleted(SyncReport report) {
            Observation run = currentRun.get();
            if (run == null) {
                return; // a run this host did not start (e.g. the core's use case called directly)
            }
            int errors = report.errors();
            String outcome = errors == 0 ? "ok" : errors == report.feeds().size() ? "failed" : "partial";
            run.lowCardinalityKeyValue(OUTCOME, outcome);
        }
    }
}
