package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guides' bokit coordinates are this build's version, and while that is a snapshot, every guide that shows them
 * says how to get them (there is no public repository to take a snapshot from).
 */
class DocsCoordinatesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern MAVEN = Pattern.compile(
            "<groupId>io\\.bokit</groupId>\\s*<artifactId>([\\w-]+)</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern GRADLE = Pattern.compile("\"io\\.bokit:([\\w-]+):([^\"]+)\"");

    @Test
    void everyGuideShowsThisVersionAndHowToGetASnapshot() throws IOException {
        String version = projectVersion();
        List<Path> guides = guides();
        List<String> shown = new ArrayList<>();

        for (Path guide : guides) {
            String text = Files.readString(guide);
            List<String> versions = versions(text);
            if (versions.isEmpty()) {
                continue;
            }
            shown.add(guide.getFileName().toString());
            assertThat(versions)
                    .as("bokit versions in %s", guide)
                    .allMatch(v -> v.equals(version) || v.equals("${bokit.version}"));
            if (version.endsWith("-SNAPSHOT")) {
                assertThat(text)
                        .as("%s shows snapshot coordinates, so it says to build them with mvn install", guide)
                        .contains("mvn install");
            }
        }
        assertThat(shown).contains("installing.md", "spring.md", "micronaut.md", "servlet.md");
    }

    private static List<String> versions(String text) {
        List<String> versions = new ArrayList<>();
        for (Pattern pattern : List.of(MAVEN, GRADLE)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                versions.add(matcher.group(2).strip());
            }
        }
        return versions;
    }

    private static List<Path> guides() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> guides =
                    new ArrayList<>(docs.filter(path -> path.toString().endsWith(".md"))
                            .sorted()
                            .toList());
            guides.add(ROOT.resolve("README.md"));
            return guides;
        }
    }

    /** The version in the parent POM, the first {@code <version>} after its own artifact id. */
    private static String projectVersion() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher matcher = Pattern.compile("<artifactId>bokit-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(matcher.find()).as("the parent POM's version").isTrue();
        return matcher.group(1);
    }
}
