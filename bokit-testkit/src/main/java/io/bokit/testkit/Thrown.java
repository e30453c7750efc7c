package io.bokit.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What an action throws, as text, for tests that look for a secret in messages and stack traces. */
public final class Thrown {
    private Thrown() {}

    /**
     * Runs the action, which must throw.
     *
     * @param action the action
     * @return the message and the full stack trace of what it threw
     * @throws AssertionError if it did not throw
     */
    public static String trace(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
        throw new AssertionError("expected the action to throw");
    }
}
