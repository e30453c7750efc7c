package io.bokit.host;

import io.bokit.core.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Ant-style path patterns compiled once, for the request paths the trigger filters skip: {@code ?} matches one
 * character, {@code *} any characters within a segment, {@code **} any number of whole segments. Matching the usual
 * shapes ({@code /error}, {@code /actuator/**}, {@code /**}{@code /*.css}) is a string comparison that allocates
 * nothing, so it costs a page view next to nothing; other shapes use a regular expression compiled up front. A
 * pattern without a leading {@code /} never matches a path with one, and empty segments of a path do not count
 * ({@code /api//status} is {@code /api/status}), as with Spring's {@code AntPathMatcher}.
 * Immutable and thread-safe.
 */
public final class PathPatterns {
    private final List<Matcher> matchers;
    private final List<String> patterns;

    private PathPatterns(List<String> patterns, List<Matcher> matchers) {
        this.patterns = patterns;
        this.matchers = matchers;
    }

    /**
     * Compiles the patterns; blank ones are ignored and the others stripped.
     *
     * @param patterns Ant-style patterns such as {@code /actuator/**} or {@code /**}{@code /*.css}
     * @return the compiled patterns
     * @throws InvalidInputException for a pattern with a URI template variable ({@code {name}}), which this matcher
     *     does not support
     */
    public static PathPatterns of(List<String> patterns) {
        Objects.requireNonNull(patterns, "patterns");
        List<String> kept = new ArrayList<>();
        List<Matcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank()) {
                continue;
            }
            String stripped = pattern.strip();
            kept.add(stripped);
            matchers.add(compile(stripped));
        }
        return new PathPatterns(List.copyOf(kept), List.copyOf(matchers));
    }

    /**
     * Whether any pattern matches the whole path.
     *
     * @param path a request path such as {@code /static/app.css}
     * @return true when one of the patterns matches it
     */
    public boolean matches(String path) {
        // empty segments do not count ("/api//status" is "/api/status"), as with Spring's AntPathMatcher
        String normalized = path.contains("//") ? path.replaceAll("/{2,}", "/") : path;
        for (Matcher matcher : matchers) {
            if (matcher.matches(normalized)) {
                return true;
            }
        }
        return false;
    }

    /** The patterns, stripped, blank ones left out. */
    public List<String> patterns() {
        return patterns;
    }

    @Override
    public String toString() {
        return patterns.toString();
    }

    private static Matcher compile(String pattern) {
        if (pattern.indexOf('{') >= 0 || pattern.indexOf('}') >= 0) {
            throw new InvalidInputException(
                    "Path pattern " + pattern + ": URI template variables ({name}) are not supported; use *, ** and ?");
        }
        if (!hasWildcard(pattern)) {
            return pattern::equals;
        }
        if (pattern.endsWith("/**") && !hasWildcard(pattern.substring(0, pattern.length() - 3))) {
            String base = pattern.substring(0, pattern.length() - 3);
            String prefix = base + "/";
            return path -> path.startsWith(prefix) || path.equals(base);
        }
        if (pattern.startsWith("/**/*") && isPlainSegment(pattern.substring(5))) {
            String suffix = pattern.substring(5);
            return path -> path.startsWith("/") && path.endsWith(suffix);
        }
        Pattern regex = Pattern.compile(regex(pattern));
        boolean absolute = pattern.startsWith("/");
        // as with Spring's AntPathMatcher, a pattern without a leading slash never matches a path with one
        return path -> path.startsWith("/") == absolute && regex.matcher(path).matches();
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static boolean isPlainSegment(String text) {
        return !hasWildcard(text) && text.indexOf('/') < 0;
    }

    /** The pattern as a regular expression: {@code **} as zero or more whole segments. */
    private static String regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        boolean absolute = pattern.startsWith("/");
        String[] segments = (absolute ? pattern.substring(1) : pattern).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean separator = absolute || i > 0;
            if (segment.equals("**")) {
                regex.append(separator ? "(?:/[^/]*)*" : "(?:[^/]*(?:/[^/]*)*)?");
                continue;
            }
            if (separator) {
                regex.append('/');
            }
            for (int c = 0; c < segment.length(); c++) {
                char ch = segment.charAt(c);
                if (ch == '*') {
                    regex.append("[^/]*");
                } else if (ch == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(ch)));
                }
            }
        }
        return regex.toString();
    }

    /** One compiled pattern. */
    @FunctionalInterface
    private interface Matcher {
        boolean matches(String path);
    }
}
