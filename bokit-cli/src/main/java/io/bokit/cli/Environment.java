package io.bokit.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the CLI reads from outside itself: environment variables ({@code BOKIT_HOME},
 * {@code BOKIT_DB_URL}, {@code BOKIT_DB_USER}, {@code BOKIT_DB_PASSWORD}), the user's home directory
 * and whether standard output is a terminal. Tests pass their own instead of the process's.
 *
 * @param variables the environment variables
 * @param userHome the user's home directory, where {@code ~/.bokit} lives
 * @param interactive whether standard output is a terminal (live progress is shown only then)
 */
public record Environment(Map<String, String> variables, Path userHome, boolean interactive) {
    public Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(userHome, "userHome");
    }

    /** The environment of this process. */
    public static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), System.console() != null);
    }

    /** A variable's value, or null when it is unset or blank. */
    String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
