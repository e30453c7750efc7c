package io.bokit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the store is and how feeds are fetched, resolved from the global options and the environment.
 *
 * @param url the JDBC URL
 * @param user the database user, or null
 * @param password the database password, or null
 * @param home the bokit home directory holding the default H2 file, or null when {@code --db} is used
 * @param allowPrivate whether feeds on private and loopback addresses may be fetched
 * @param allowed further address blocks ({@code --allow CIDR}) feeds may be on although they are private
 */
record StoreSettings(String url, String user, String password, Path home, boolean allowPrivate, List<String> allowed) {
    /** Where a password starts in a URL's path: everything after it is hidden. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)\\b(?:password|pwd)=");

    StoreSettings {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** The default store: an H2 file named {@code bokit} in the home directory. */
    static StoreSettings embedded(Path home, boolean allowPrivate) {
        return embedded(home, allowPrivate, List.of());
    }

    /** The default store, with address blocks allowed past the SSRF guard. */
    static StoreSettings embedded(Path home, boolean allowPrivate, List<String> allowed) {
        String url = "jdbc:h2:file:" + home.toAbsolutePath().resolve("bokit") + ";AUTO_SERVER=TRUE";
        return new StoreSettings(url, null, null, home, allowPrivate, allowed);
    }

    /**
     * The JDBC URL without where credentials may hide, safe to show: anything after {@code ?} or {@code ;}, a
     * {@code user:password@} before the host (MySQL's driver takes one), and anything after a {@code password=} (as
     * in MySQL's {@code address=(host=…)(password=…)} form).
     */
    String maskedUrl() {
        String shown = url;
        int authority = shown.indexOf("//");
        int at = shown.lastIndexOf('@');
        if (authority >= 0 && at > authority) {
            shown = shown.substring(0, authority + 2) + "…" + shown.substring(at);
        }
        int cut = shown.length();
        for (char c : new char[] {'?', ';'}) {
            int found = shown.indexOf(c);
            if (found >= 0 && found < cut) {
                cut = found;
            }
        }
        Matcher password = PASSWORD.matcher(shown);
        if (password.find() && password.end() < cut) {
            cut = password.end();
        }
        return shown.substring(0, cut) + (cut < shown.length() ? "…" : "");
    }

    /** The store in words, for messages. */
    String describe() {
        return home != null ? "H2 file " + home.toAbsolutePath().resolve("bokit.mv.db") : maskedUrl();
    }
}
