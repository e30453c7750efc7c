package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAndHelpTest {
    @TempDir
    Path home;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli.Result result = cli.run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains("sync", "status", "options", "reset", "install", "calendars", "feeds", "bookings", "history")
                .contains("Exit codes:")
                .containsPattern("0\\s+done")
                .containsPattern("1\\s+internal error")
                .containsPattern("2\\s+usage error or invalid input")
                .containsPattern("3\\s+the sync ran, but at least one feed failed")
                .containsPattern("4\\s+a sync is already running");
        assertThat(cli.run("sync", "--help").out()).contains("Exit codes:", "--force", "--feed=ID", "--json");
        assertThat(cli.run("feeds", "add", "--help").out()).contains("Exit codes:", "--calendar=KEY");
    }

    @Test
    void printsItsVersion() {
        Cli.Result result = cli.run("--version");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("bokit-cli ");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        Cli.Result result = cli.run("synk");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("Unmatched argument at index 0: 'synk'")
                .contains("sync");
    }

    @Test
    void theDefaultStoreIsAnH2FileInTheHomeDirectory() {
        cli.run("options", "set", "sync.interval", "120");

        assertThat(Files.exists(home.resolve("bokit.mv.db"))).isTrue();
        assertThat(cli.run("status").out())
                .contains("Store:            H2 file " + home.toAbsolutePath().resolve("bokit.mv.db"));
    }

    @Test
    void homeOptionWinsOverTheEnvironment() {
        Path other = home.resolve("other");

        cli.run("--home", other.toString(), "options", "set", "sync.interval", "120");
        cli.run("options", "get", "sync.interval", "--home", other.toString());

        assertThat(Files.exists(other.resolve("bokit.mv.db"))).isTrue();
        assertThat(cli.run("options", "get", "sync.interval", "--home", other.toString())
                        .out())
                .isEqualTo("120\n");
        assertThat(cli.run("options", "get", "sync.interval").out()).isEqualTo("3600\n");
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndExitOne() {
        Cli.Result result = cli.run("status", "--db", "jdbc:postgresql://127.0.0.1:1/bokit", "--db-user", "u");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("bokit-cli: Cannot open the database jdbc:postgresql://127.0.0.1:1/bokit: ")
                .hasLineCount(1);
    }

    @Test
    void theDatabaseUrlMayComeFromTheEnvironment() {
        cli.env("BOKIT_DB_URL", "jdbc:postgresql://127.0.0.1:1/fromenv");

        Cli.Result result = cli.run("status");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("jdbc:postgresql://127.0.0.1:1/fromenv");
    }

    @Test
    void anUnsupportedDatabaseUrlIsAUsageError() {
        Cli.Result result = cli.run("status", "--db", "jdbc:sqlserver://localhost/bokit");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("bokit-cli: Unsupported database URL jdbc:sqlserver://localhost/bokit: expected"
                        + " jdbc:postgresql://host:port/database, jdbc:mariadb://host:port/database,"
                        + " jdbc:mysql://host:port/database or jdbc:h2:…\n");
    }

    @Test
    void verboseShowsTheStackTrace() {
        Cli.Result result = cli.run("status", "-v", "--db", "jdbc:postgresql://127.0.0.1:1/bokit");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("\tat ").contains("CliException");
    }
}
