package io.bokit.cli;

import java.nio.file.Path;
import java.util.List;

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

    /** The JDBC URL without anything after {@code ?} or {@code ;} (where credentials may hide): safe to show. */
    String maskedUrl() {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return url.substring(0, cut) + (cut < url.length() ? "…" : "");
    }

    /** The store in words, for messages. */
    String describe() {
        return home != null ? "H2 file " + home.toAbsolutePath().resolve("bokit.mv.db") : maskedUrl();
    }
}
