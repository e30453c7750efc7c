package io.bokit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportHttpHarnessOptionsTest {
    @TempDir
    Path dir;

    @Test
    void takesTheOptionsAndKeepsTheDefaultsOfTheRest() {
        ExportHttpHarness.Args args = ExportHttpHarness.Args.parse(
                new String[] {"--app-classpath", dir.toString(), "--bookings", "100", "--rounds", "40"});

        assertThat(args.appClasspath).isEqualTo(dir.toString());
        assertThat(args.bookings).isEqualTo(100);
        assertThat(args.rounds).isEqualTo(40);
        assertThat(args.warmupRounds).isEqualTo(10);
        assertThat(args.requests).isEqualTo(500);
    }

    @Test
    void helpIsNoRun() {
        assertThat(ExportHttpHarness.Args.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        String cp = dir.toString();
        assertThatThrownBy(() -> ExportHttpHarness.Args.parse(new String[] {"--app-classpath", cp, "--rounds", "0"}))
                .hasMessage("--rounds must be a positive whole number, was 0");
        assertThatThrownBy(() -> ExportHttpHarness.Args.parse(new String[] {"--app-classpath", cp, "--bogus", "1"}))
                .hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> ExportHttpHarness.Args.parse(new String[] {"--app-classpath"}))
                .hasMessage("--app-classpath needs a value");
        assertThatThrownBy(() -> ExportHttpHarness.Args.parse(new String[] {"--rounds", "3"}))
                .hasMessage("--app-classpath or --app-classpath-file is required");
        assertThatThrownBy(() -> ExportHttpHarness.Args.parse(
                        new String[] {"--app-classpath", cp, "--rounds", "3", "--warmup-rounds", "3"}))
                .hasMessage("--warmup-rounds must be less than --rounds");
        assertThatThrownBy(() -> ExportHttpHarness.Args.parse(
                        new String[] {"--app-classpath", dir.resolve("missing").toString()}))
                .hasMessageStartingWith("not found on the app classpath: ");
    }
}
