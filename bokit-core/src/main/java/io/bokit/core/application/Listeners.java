package io.bokit.core.application;

import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.Reconciliation;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's listeners, each call guarded so a failing listener never affects a sync, and calls
 * serialised so that listeners are never called concurrently, even while feeds sync in parallel.
 */
final class Listeners {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<SyncListener> listeners;

    Listeners(List<SyncListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void changed(Reconciliation result) {
        if (listeners.isEmpty()) {
            return;
        }
        result.created().forEach(booking -> each(listener -> listener.bookingCreated(booking)));
        result.updated().forEach(update -> each(listener -> listener.bookingUpdated(update.before(), update.after())));
        result.vanished().forEach(booking -> each(listener -> listener.bookingVanished(booking)));
        result.deleted().forEach(booking -> each(listener -> listener.bookingDeleted(booking)));
    }

    void doubleBookingOpened(DoubleBooking record) {
        each(listener -> listener.doubleBookingOpened(record));
    }

    void doubleBookingClosed(DoubleBooking record) {
        each(listener -> listener.doubleBookingClosed(record));
    }

    void completed(SyncReport report) {
        each(listener -> listener.runCompleted(report));
    }

    private synchronized void each(Consumer<SyncListener> call) {
        for (SyncListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("[SyncJob] Listener {} failed: {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
