package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scripts shipped in the jar, as Flyway or Liquibase users copy them. */
class SchemaScriptsTest {
    private static final Pattern NAMED_OBJECT = Pattern.compile(
            "(?i)\\b(?:TABLE(?: IF NOT EXISTS)?|INDEX(?: IF NOT EXISTS)?|INTO|ON(?! CONFLICT))\\s+(\\S+)");

    @Test
    void shipsEveryVersionForEveryDialect() throws IOException {
        for (Dialect dialect : Dialect.values()) {
            for (int version = 1; version <= SchemaInitializer.LATEST_VERSION; version++) {
                String script = read(SchemaInitializer.scriptPath(dialect, version));
                assertThat(script)
                        .as(dialect + " V" + version)
                        .contains("schema_version")
                        .contains("VALUES (" + version + ", ");
            }
        }
    }

    @Test
    void prefixesEveryTableAndIndexName() throws IOException {
        for (Dialect dialect : Dialect.values()) {
            String script = read(SchemaInitializer.scriptPath(dialect, 1));
            Matcher names = NAMED_OBJECT.matcher(script.replaceAll("--[^\n]*", ""));
            int count = 0;
            while (names.find()) {
                assertThat(names.group(1)).as(dialect + ": " + names.group()).startsWith("${prefix}");
                count++;
            }
            assertThat(count).isGreaterThan(10);
        }
    }

    private static String read(String path) throws IOException {
        try (InputStream in = SchemaScriptsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
