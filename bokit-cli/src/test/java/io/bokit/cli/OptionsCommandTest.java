package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsCommandTest {
    @TempDir
    Path home;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
    }

    @Test
    void listsEveryOptionWithItsValueAndWhetherItIsTheDefault() {
        Cli.Result result = cli.run("options", "list");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .containsPattern("sync.interval\\s+3600\\s+\\(default\\)")
                .containsPattern("install.complete\\s+false\\s+\\(default\\)")
                .contains("sync.request_delay", "timezone", "sync.empty_feed_runs");
    }

    @Test
    void setsGetsAndUnsetsAValue() {
        Cli.Result set = cli.run("options", "set", "sync.interval", "300");
        Cli.Result get = cli.run("options", "get", "sync.interval");
        Cli.Result list = cli.run("options", "list", "--json");
        Cli.Result unset = cli.run("options", "unset", "sync.interval");

        assertThat(set.code()).isZero();
        assertThat(set.out()).isEqualTo("sync.interval = 300\n");
        assertThat(get.out()).isEqualTo("300\n");
        List<Map<String, Object>> options = JsonParser.array(list.out());
        assertThat(options)
                .filteredOn(option -> option.get("key").equals("sync.interval"))
                .singleElement()
                .satisfies(option -> assertThat(option)
                        .containsEntry("value", "300")
                        .containsEntry("default", false)
                        .containsKeys("description", "allowed"));
        assertThat(unset.out()).isEqualTo("sync.interval = 3600 (default)\n");
        assertThat(cli.run("options", "get", "sync.interval").out()).isEqualTo("3600\n");
    }

    @Test
    void aBadValueIsRefusedWithKeyValueAndWhatIsAllowedAndNothingChanges() {
        cli.run("options", "set", "sync.interval", "300");

        Cli.Result result = cli.run("options", "set", "sync.interval", "soon");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("bokit-cli: Invalid value \"soon\" for option sync.interval: expected a whole number of"
                        + " seconds from 1 to 2592000 (30 days)\n");
        assertThat(result.out()).isEmpty();
        assertThat(cli.run("options", "get", "sync.interval").out()).isEqualTo("300\n");
    }

    @Test
    void anUnknownKeyIsAUsageError() {
        for (String[] args : List.of(
                new String[] {"options", "set", "sync.intervall", "300"},
                new String[] {"options", "get", "nope"},
                new String[] {"options", "unset", "nope"})) {
            Cli.Result result = cli.run(args);

            assertThat(result.code()).as(result.toString()).isEqualTo(2);
            assertThat(result.err())
                    .startsWith("bokit-cli: Unknown option \"")
                    .contains("known options are sync.interval");
        }
    }

    @Test
    void aMissingValueIsAUsageErrorWithAHint() {
        Cli.Result result = cli.run("options", "set", "sync.interval");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("Missing required parameter")
                .contains("Try 'bokit-cli options set --help' for usage.");
    }
}
