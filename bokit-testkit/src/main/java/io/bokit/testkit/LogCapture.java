package io.bokit.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the JVM, at TRACE, kept in memory instead of written to the console, for the tests that look for
 * a secret in everything logged. Logback only (the adapters' tests use it; logback is an optional dependency of the
 * testkit). Close it to restore the levels and the console appender. Thread-safe for the logging threads.
 */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger bokit = (Logger) LoggerFactory.getLogger("io.bokit");
    private final Level rootLevel = root.getLevel();
    private final Level bokitLevel = bokit.getLevel();
    private final Appender<ILoggingEvent> console = root.getAppender("STDOUT");

    private LogCapture() {
        root.setLevel(Level.TRACE);
        bokit.setLevel(Level.TRACE);
        events.start();
        root.addAppender(events);
        root.detachAppender("STDOUT");
    }

    /** Starts capturing every event, every logger at TRACE. */
    public static LogCapture everyEventAtTrace() {
        return new LogCapture();
    }

    /** How many events were captured so far. */
    public int events() {
        synchronized (events) {
            return events.list.size();
        }
    }

    /** Every event captured so far, one line each ({@code LEVEL logger - message}), stack traces in full. */
    public String text() {
        List<ILoggingEvent> captured;
        synchronized (events) {
            captured = new ArrayList<>(events.list);
        }
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : captured) {
            text.append(event.getLevel())
                    .append(' ')
                    .append(event.getLoggerName())
                    .append(" - ")
                    .append(event.getFormattedMessage())
                    .append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .append('\n');
            }
        }
        return text.toString();
    }

    /** Restores the levels and the console appender. */
    @Override
    public void close() {
        root.detachAppender(events);
        root.setLevel(rootLevel);
        bokit.setLevel(bokitLevel);
        if (console != null && root.getAppender("STDOUT") == null) {
            root.addAppender(console);
        }
    }
}
