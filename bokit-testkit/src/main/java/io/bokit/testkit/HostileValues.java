package io.bokit.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values an attacker or a broken channel may send where a name, key, option or booking field is expected: quotes,
 * SQL fragments, control and line-separator characters, NUL, unpaired surrogates, markup and format strings,
 * bidirectional overrides and a byte-order mark, and a string of 100,000 characters. A store must keep each verbatim
 * or refuse it, and never execute it. One catalogue for every test that feeds them in (the JDBC stores, the CLI).
 */
public final class HostileValues {
    private static final Map<String, String> CATALOGUE = catalogue();

    private HostileValues() {}

    /**
     * The catalogue: a short name of each kind of value (usable in ids: letters, digits and {@code -}) to the value.
     *
     * @return the values, in a fixed order, unmodifiable
     */
    public static Map<String, String> all() {
        return CATALOGUE;
    }

    private static Map<String, String> catalogue() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("quotes", "O'Brien \"the guest\" `back` ''; \\'");
        values.put("sql", "'; DROP TABLE bokit_booking; --");
        values.put("sql-union", "x' UNION SELECT option_key, option_value FROM bokit_option --");
        values.put("sql-comment", "*/ DELETE FROM bokit_feed /*");
        values.put("control", "tab\tline\nreturn\r\u0001\u0007\u001b[31mred\u001b[0m\u007f\u0085\u2028");
        values.put("nul", "before\u0000after");
        values.put("lone-high-surrogate", "x\uD800y");
        values.put("lone-low-surrogate", "\uDC00tail");
        values.put("markup", "<script>alert('x')</script>${jndi:ldap://x}%s%n{0}");
        values.put("unicode", "Zoë 東京 🏖 \u202Eevil\u202C \uFEFF");
        values.put("huge", "🏖 huge ".repeat(12_500));
        return Collections.unmodifiableMap(values);
    }
}
