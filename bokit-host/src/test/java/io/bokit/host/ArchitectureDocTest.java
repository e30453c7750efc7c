package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/architecture.md shows BokitServletFilter's code as it is, not as it once was. */
class ArchitectureDocTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theAdapterExampleIsTheServletFiltersOwnCode() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/architecture.md"));
        int section = doc.indexOf("### Writing a new adapter");
        int start = doc.indexOf("```java\n", section) + "```java\n".length();
        String snippet = doc.substring(start, doc.indexOf("```", start));
        String source = Files.readString(
                ROOT.resolve("bokit-host/src/main/java/io/bokit/host/servlet/BokitServletFilter.java"));

        assertThat(section).isPositive();
        assertThat(normalized(source)).contains(normalized(snippet));
    }

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").strip();
    }
}
