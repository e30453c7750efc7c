package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathPatternsTest {

    @Test
    void anExactPatternMatchesOnlyThatPath() {
        PathPatterns patterns = PathPatterns.of(List.of("/error"));

        assertThat(patterns.matches("/error")).isTrue();
        assertThat(patterns.matches("/error/")).isFalse();
        assertThat(patterns.matches("/errors")).isFalse();
        assertThat(patterns.matches("/")).isFalse();
    }

    @Test
    void aTrailingDoubleStarMatchesTheBaseAndEverythingBelowIt() {
        PathPatterns patterns = PathPatterns.of(List.of("/actuator/**"));

        assertThat(patterns.matches("/actuator")).isTrue();
        assertThat(patterns.matches("/actuator/")).isTrue();
        assertThat(patterns.matches("/actuator/health/liveness")).isTrue();
        assertThat(patterns.matches("/actuatorx")).isFalse();
        assertThat(patterns.matches("/app/actuator/health")).isFalse();
    }

    @Test
    void aLeadingDoubleStarWithAnExtensionMatchesThatExtensionAtAnyDepth() {
        PathPatterns patterns = PathPatterns.of(List.of("/**/*.css"));

        assertThat(patterns.matches("/app.css")).isTrue();
        assertThat(patterns.matches("/static/css/app.css")).isTrue();
        assertThat(patterns.matches("/app.css.map")).isFalse();
        assertThat(patterns.matches("/app-css")).isFalse();
    }

    @Test
    void otherShapesFollowAntRulesStarWithinASegmentDoubleStarAcrossSegmentsQuestionMarkOneCharacter() {
        PathPatterns patterns = PathPatterns.of(List.of("/api/*/status", "/files/**/v?.txt", "/a.b+c"));

        assertThat(patterns.matches("/api/v1/status")).isTrue();
        assertThat(patterns.matches("/api//status"))
                .as("empty segments do not count")
                .isFalse();
        assertThat(patterns.matches("/api//v1//status")).isTrue();
        assertThat(patterns.matches("/api/v1/x/status")).isFalse();
        assertThat(patterns.matches("/files/v1.txt")).isTrue();
        assertThat(patterns.matches("/files/x/y/v2.txt")).isTrue();
        assertThat(patterns.matches("/files/x/v10.txt")).isFalse();
        assertThat(patterns.matches("/a.b+c")).isTrue();
        assertThat(patterns.matches("/aXb+c"))
                .as("regex characters are literal")
                .isFalse();
    }

    @Test
    void aPatternWithoutALeadingSlashNeverMatchesAPathWithOne() {
        PathPatterns patterns = PathPatterns.of(List.of("*.js", "static/**"));

        assertThat(patterns.matches("/app.js")).isFalse();
        assertThat(patterns.matches("/static/app.js")).isFalse();
    }

    @Test
    void blankPatternsAreIgnoredAndTheOthersStripped() {
        PathPatterns patterns = PathPatterns.of(Arrays.asList(" /health/** ", "", "  ", null));

        assertThat(patterns.patterns()).containsExactly("/health/**");
        assertThat(patterns.matches("/health/liveness")).isTrue();
        assertThat(PathPatterns.of(List.of()).matches("/anything")).isFalse();
    }

    @Test
    void refusesUriTemplateVariablesWhichItDoesNotSupport() {
        assertThatThrownBy(() -> PathPatterns.of(List.of("/users/{id}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/users/{id}")
                .hasMessageContaining("not supported");
    }
}
