package io.bokit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs bokit-cli in this JVM against a home directory of the test's own, capturing what it prints. */
final class Cli {
    private final Path home;
    private final Map<String, String> variables = new HashMap<>();
    private final List<Result> results = new ArrayList<>();

    Cli(Path home) {
        this.home = home;
        variables.put("BOKIT_HOME", home.toString());
    }

    /** Sets an environment variable the CLI sees. */
    Cli env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Path home() {
        return home;
    }

    /** The H2 URL of this home's store, for tests that look at or change it directly. */
    String h2Url() {
        return StoreSettings.embedded(home, false).url();
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(variables, home.resolve("user-home"), false);
        int code = BokitCli.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        Result result = new Result(code, out.toString(), err.toString());
        results.add(result);
        return result;
    }

    /** Everything every run so far printed, out and err. */
    String everythingPrinted() {
        StringBuilder all = new StringBuilder();
        results.forEach(result -> all.append(result.out()).append(result.err()));
        return all.toString();
    }

    /** What one run did. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
