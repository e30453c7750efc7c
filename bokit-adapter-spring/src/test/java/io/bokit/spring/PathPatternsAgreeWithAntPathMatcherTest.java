package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.host.BokitSettings;
import io.bokit.host.PathPatterns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.AntPathMatcher;

/**
 * The trigger filter's compiled matcher ({@link PathPatterns}) against Spring's {@link AntPathMatcher}, which the
 * filter used before: the same answer for every pattern and path below, the default excluded paths included.
 */
class PathPatternsAgreeWithAntPathMatcherTest {
    private static final List<String> PATTERNS = patterns();
    private static final List<String> PATHS = List.of(
            "/",
            "/hello",
            "/error",
            "/error/",
            "/errors",
            "/favicon.ico",
            "/actuator",
            "/actuator/",
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuatorx",
            "/static/app.css",
            "/static/js/app.js",
            "/app.css",
            "/app.css.map",
            "/a/b/c/d.png",
            "/webjars/jquery/3.7.1/jquery.min.js",
            "/api/v1/status",
            "/api/v1/x/status",
            "/api//status",
            "/files/v1.txt",
            "/files/a/b/v2.txt",
            "/files/a/v10.txt",
            "/a.b+c",
            "/aXb+c",
            "/page.html",
            "/deep/er/page.html",
            "/x",
            "/x/",
            "//double",
            "relative/path.js");

    private static List<String> patterns() {
        List<String> patterns = new ArrayList<>(BokitSettings.DEFAULT_EXCLUDED_PATHS);
        patterns.addAll(List.of(
                "/api/*/status",
                "/files/**/v?.txt",
                "/a.b+c",
                "/**/*.html",
                "/**",
                "/*",
                "/x/**",
                "/x/*",
                "/**/x/**",
                "/deep/**/page.html",
                "*.js",
                "relative/**"));
        return patterns;
    }

    @Test
    void everyPatternAnswersEveryPathAsAntPathMatcherDoes() {
        AntPathMatcher ant = new AntPathMatcher();
        int compared = 0;
        for (String pattern : PATTERNS) {
            PathPatterns compiled = PathPatterns.of(List.of(pattern));
            for (String path : PATHS) {
                assertThat(compiled.matches(path))
                        .as("%s against %s", pattern, path)
                        .isEqualTo(ant.match(pattern, path));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(PATTERNS.size() * PATHS.size());
    }
}
