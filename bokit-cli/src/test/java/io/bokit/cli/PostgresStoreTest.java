package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresStoreTest {
    @TempDir
    Path home;

    @Test
    void aPostgresStoreNeedsInstallThenWorksLikeTheEmbeddedOne() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Cli cli = new Cli(home)
                    .env("BOKIT_DB_URL", postgres.getJdbcUrl("postgres", "postgres"))
                    .env("BOKIT_DB_USER", "postgres");

            Cli.Result before = cli.run("status");
            Cli.Result install = cli.run("install");
            Cli.Result again = cli.run("install");
            cli.run("calendars", "add", "seaview");
            Path feed = Files.writeString(
                    home.resolve("feed.ics"),
                    io.bokit.testkit.ICalFeedBuilder.airbnb()
                            .reserved(
                                    "R1",
                                    java.time.LocalDate.now().plusDays(5),
                                    java.time.LocalDate.now().plusDays(8))
                            .build());
            cli.run("feeds", "add", "--calendar", "seaview", feed.toString());
            Cli.Result sync = cli.run("sync");

            assertThat(before.code()).isEqualTo(2);
            assertThat(before.err())
                    .startsWith("bokit-cli: The database jdbc:postgresql://localhost:")
                    .endsWith("has no bokit tables yet: run bokit-cli install first\n");
            assertThat(install.code()).as(install.toString()).isZero();
            assertThat(again.out()).isEqualTo(install.out());
            assertThat(sync.code()).as(sync.toString()).isZero();
            assertThat(sync.out()).contains("✓ localfile: total 1, created 1");
            assertThat(cli.run("status").out())
                    .contains("Install complete: yes")
                    .contains("Store:            jdbc:postgresql://");
            assertThat(Files.exists(home.resolve("bokit.mv.db"))).isFalse();
        }
    }
}
