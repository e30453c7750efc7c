package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path home;

    @Test
    void syncsTheSampleFeedsTwiceOverLoopbackWithoutTouchingTheUsersStore() {
        Cli cli = new Cli(home);

        Cli.Result result = cli.run("demo");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("three sample channel feeds served over HTTP on 127.0.0.1:")
                .contains("✓ Airbnb (sample): total 4, created 4, updated 0, unchanged 0, deleted 0, vanished 0")
                .contains("✓ Booking.com (sample): total 2, created 2")
                .contains("✓ Beds24 (sample): total 1, created 1")
                .contains("Synced 3 feeds in")
                .containsPattern("confirmed\\s+Jane Doe\\s+seaview-booking")
                .containsPattern("confirmed\\s+Marie Curie\\s+seaview-beds24")
                .contains("✓ Airbnb (sample): total 3, created 0, updated 0, unchanged 3, deleted 0, vanished 1")
                .contains("✓ Booking.com (sample): total 2, created 0, updated 1, unchanged 1")
                .contains("✓ Beds24 (sample): not modified since the last sync (total 1)")
                .contains("bokit-cli feeds add");
        assertThat(result.err()).isEmpty();
        assertThat(Files.exists(home.resolve("bokit.mv.db"))).isFalse();
    }
}
