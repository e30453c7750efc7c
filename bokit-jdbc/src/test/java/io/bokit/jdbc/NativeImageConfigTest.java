package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The GraalVM native-image configuration in the jar keeps every schema script in any host's native image. */
class NativeImageConfigTest {
    private static final String CONFIG = "/META-INF/native-image/io.bokit/bokit-jdbc/resource-config.json";
    private static final Pattern INCLUDE = Pattern.compile("\"pattern\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void includesEveryVersionOfEveryDialectsScriptAndNothingElse() throws IOException {
        // given the include patterns, JSON-unescaped
        List<Pattern> includes = new ArrayList<>();
        Matcher found = INCLUDE.matcher(read(CONFIG));
        while (found.find()) {
            includes.add(Pattern.compile(found.group(1).replace("\\\\", "\\")));
        }
        assertThat(includes).isNotEmpty();

        // then every script the initializer loads is included
        for (Dialect dialect : Dialect.values()) {
            for (int version = 1; version <= SchemaInitializer.LATEST_VERSION; version++) {
                String path = SchemaInitializer.scriptPath(dialect, version);
                assertThat(includes).as(path).anySatisfy(include -> assertThat(
                                include.matcher(path).matches())
                        .isTrue());
            }
        }
        assertThat(includes).noneSatisfy(include -> assertThat(
                        include.matcher("io/bokit/jdbc/BokitJdbc.class").matches())
                .isTrue());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = NativeImageConfigTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
