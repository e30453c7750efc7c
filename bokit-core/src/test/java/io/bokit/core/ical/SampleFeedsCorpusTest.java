package io.bokit.core.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.FeedParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs the parser on the team's shared real-world samples when they are present (skipped elsewhere). */
class SampleFeedsCorpusTest {
    private static final List<Path> CANDIDATES = List.of(Path.of("../../shared/feeds"), Path.of("/work/shared/feeds"));
    private static final ParseContext CONTEXT = ParseContext.of(ZoneId.of("Europe/Paris"), LocalDate.of(2025, 6, 1));

    private static Path sample(String name) {
        Path directory =
                CANDIDATES.stream().filter(Files::isDirectory).findFirst().orElse(null);
        Assumptions.assumeTrue(directory != null, "no shared feed samples on this machine");
        Path file = directory.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> name + " is not among the samples");
        return file;
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} has {1} VEVENTs, all imported")
    @CsvSource({
        "airbnb-1.ics, 21",
        "airbnb-2.ics, 28",
        "bookingcom-1.ics, 2",
        "agoda-1.ics, 1",
        "ownerrez-1.ics, 1",
        "morningcroissant-1.ics, 0",
        "google-1.ics, 64",
        "tricky-1.ics, 6",
        "tricky-5.ics, 1",
        "tricky-10.ics, 4",
    })
    void parsesSample(String name, int vevents) throws IOException {
        // given
        String body = read(sample(name));

        // when
        ParsedFeed feed = new ICalParser().parse(body, CONTEXT);

        // then
        assertThat(feed.eventsSeen()).isEqualTo(vevents);
        assertThat(feed.skipped()).isZero();
        if (!name.startsWith("google")) {
            assertThat(feed.events()).hasSize(vevents);
        }
    }

    @ParameterizedTest
    @CsvSource({"tricky-17.ics"})
    void rejectsFuzzedSampleCleanly(String name) throws IOException {
        // given
        String body = read(sample(name));

        // when / then
        assertThatThrownBy(() -> new ICalParser().parse(body, CONTEXT)).isInstanceOf(FeedParseException.class);
    }
}
