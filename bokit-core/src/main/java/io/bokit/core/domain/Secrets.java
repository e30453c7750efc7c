package io.bokit.core.domain;

import java.util.regex.Pattern;

/**
 * The one place that masks feed secrets in text bound for logs, reports, exceptions and output:
 * the user-info and the query of every URL are replaced, scheme, host and path are kept.
 */
public final class Secrets {
    /** A URL: scheme, optional user-info, host and path, then an optional query or fragment. */
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b((?:https?|file|webcal)://)(?:[^\\s/?#@\"'<>]*@)?([^\\s?#\"'<>]*)([?#][^\\s\"'<>]*)?");

    private Secrets() {}

    /**
     * The text with every URL in it masked: {@code https://u:p@host/path?token=x} becomes
     * {@code https://host/path?…}.
     *
     * @param text any text, may be null
     * @return the masked text, or null for null; thread-safe
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return URL.matcher(text)
                .replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                        match.group(1) + match.group(2) + (match.group(3) == null ? "" : "?…")));
    }
}
