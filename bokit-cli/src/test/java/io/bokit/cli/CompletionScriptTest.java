package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionScriptTest {

    @Test
    void writesABashCompletionScriptForEveryCommand(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("out/bokit-cli_completion");

        CompletionScript.main(new String[] {script.toString()});

        String text = Files.readString(script);
        assertThat(text).startsWith("#!/usr/bin/env bash").contains("bokit-cli");
        for (String command : new String[] {
            "sync", "status", "options", "reset", "install", "calendars", "feeds", "bookings", "history", "demo"
        }) {
            assertThat(text).contains(command);
        }
        assertThat(text).contains("--allow-private", "--db");
    }
}
