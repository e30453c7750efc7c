package io.bokit.core.application;

import java.util.regex.Pattern;

/** Masks secrets in text bound for logs, reports and exceptions. */
final class Secrets {
    /** A URL's query (and fragment): where channels put their tokens. */
    private static final Pattern URL_QUERY = Pattern.compile("((?:https?|file)://[^\\s?#\"'<>]*)[?#][^\\s\"'<>]*");

    private Secrets() {}

    /** The text with the query of every URL in it replaced by {@code ?…}. */
    static String mask(String text) {
        return text == null ? null : URL_QUERY.matcher(text).replaceAll("$1?…");
    }
}
