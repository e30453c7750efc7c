package io.bokit.cli;

/**
 * Sets up the CLI's SLF4J binding (slf4j-simple) before the first logger exists: WARN by default on
 * standard error, INFO with {@code --verbose} so the {@code [SyncJob]} lines show. Without
 * {@code --verbose} the sync's own failure warnings are left out: the report prints every failed feed.
 * slf4j-simple reads its settings once, when the first logger is made, so {@link BokitCli#run} calls
 * this before anything else.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {}

    static void configure(boolean verbose) {
        System.setProperty(PREFIX + "defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty(PREFIX + "log.io.bokit.core.application.SyncService", verbose ? "info" : "error");
        System.setProperty(PREFIX + "logFile", "System.err");
        System.setProperty(PREFIX + "showThreadName", "false");
        System.setProperty(PREFIX + "showShortLogName", "true");
    }
}
