package io.bokit.cli;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ClockPort;
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
    private ClockPort clock = ClockPort.system();

    Cli(Path home) {
        this.home = home;
        variables.put("BOKIT_HOME", home.toString());
    }

    /** Sets an environment variable the CLI sees. */
    Cli env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Sets the clock every later run reads "now" from. */
    Cli clock(ClockPort value) {
        this.clock = value;
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
        // as Main runs it: only the subcommand the arguments name is built
        int code = BokitCli.execute(environment, clock, new PrintWriter(out, true), new PrintWriter(err, true), args);
        Result result = new Result(code, out.toString(), err.toString());
        results.add(result);
        return result;
    }

    /**
     * Adds a feed to an existing calendar with {@code feeds add}, for tests about something else; a failure is an
     * {@link AssertionError} carrying what the CLI printed.
     *
     * @param name the feed's display name, or null for none
     */
    Result addFeed(String calendar, String id, String name, FeedUrl url) {
        List<String> args = new ArrayList<>(List.of("feeds", "add", "--calendar", calendar, "--id", id));
        if (name != null) {
            args.addAll(List.of("--name", name));
        }
        args.add(url.reveal().toString());
        Result result = run(args.toArray(String[]::new));
        if (result.code() != 0) {
            throw new AssertionError("feeds add " + id + " failed: " + result);
        }
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
