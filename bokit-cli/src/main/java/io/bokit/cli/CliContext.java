package io.bokit.cli;

import io.bokit.core.port.out.ClockPort;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What every command works with, handed to its constructor: the environment, the clock (the CLI's only source of
 * "now"), and the store options given on the command line. Commands never reach up to the root command.
 */
final class CliContext {
    private final Environment environment;
    private final ClockPort clock;
    private final StoreOptions storeOptions = new StoreOptions();

    CliContext(Environment environment, ClockPort clock) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The environment the CLI runs in. */
    Environment environment() {
        return environment;
    }

    /** The clock. */
    ClockPort clock() {
        return clock;
    }

    /** Now, from the clock. */
    Instant now() {
        return clock.now();
    }

    /** The store options, filled in by picocli as it parses (the root command's mixin). */
    StoreOptions storeOptions() {
        return storeOptions;
    }

    /** Where the store is. */
    StoreSettings storeSettings() {
        return storeOptions.settings(environment);
    }

    /** The bokit home directory. */
    Path homeDirectory() {
        return storeOptions.homeDirectory(environment);
    }

    /** Opens the store for a command (creating an embedded one on first use). */
    Store openStore() {
        return Store.open(storeSettings(), false, clock);
    }
}
