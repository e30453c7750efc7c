package io.bokit.host;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.SyncHealth;
import io.bokit.core.domain.InvalidOptionException;
import io.bokit.core.port.in.OptionValue;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The operations of every adapter's management endpoint, with one output shape: the status, a sync
 * now and writing an option. Every map is JSON-ready and masked ({@link StatusView}). The adapter maps
 * an {@link InvalidOptionException} to its framework's "400 Bad Request". Blocking: call it off any
 * event loop. Thread-safe.
 */
public final class BokitManagement {
    private final Bokit bokit;
    private final UnaryOperator<Runnable> runDecorator;

    BokitManagement(Bokit bokit, UnaryOperator<Runnable> runDecorator) {
        this.bokit = bokit;
        this.runDecorator = runDecorator;
    }

    /** The status: install gate, interval, last claim, decision, lease, feeds, health and last report. */
    public Map<String, Object> status() {
        SyncHealth health;
        try {
            health = bokit.health();
        } catch (RuntimeException e) {
            health = new SyncHealth(false, e.toString());
        }
        return StatusView.status(
                bokit.status().status(), health, bokit.lastReport().orElse(null));
    }

    /**
     * Syncs every enabled feed now, ignoring the interval but never the run lease, on the caller's thread.
     *
     * @return {@code result=completed} with the report, or {@code result=busy} with the lease holder
     */
    public Map<String, Object> sync() {
        return StatusView.result(sync(SyncCommand.forceAll()));
    }

    /**
     * Runs this sync on the caller's thread, wrapped like every run this host starts (observations, metrics).
     *
     * @param command what to sync, not null
     * @return the report, or why no run happened; never null
     */
    public SyncResult sync(SyncCommand command) {
        AtomicReference<SyncResult> result = new AtomicReference<>();
        runDecorator.apply(() -> result.set(bokit.sync().sync(command))).run();
        return result.get();
    }

    /**
     * Validates and stores an option; the request hook re-reads options at once.
     *
     * @return the option as stored: {@code key}, {@code value}, {@code default}
     * @throws InvalidOptionException for an unknown key or a bad value, with the same message the CLI gives
     */
    public Map<String, Object> setOption(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new InvalidOptionException(String.valueOf(key), "An option key is required");
        }
        if (value == null) {
            throw new InvalidOptionException(key, "A value for " + key + " is required (as {\"value\": \"…\"})");
        }
        OptionValue stored = bokit.options().set(key, value);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", stored.key());
        out.put("value", stored.value());
        out.put("default", stored.isDefault());
        return out;
    }
}
