package io.bokit.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement whose {@value #NOW} slots are the claim time: the database's clock (database time) or a parameter
 * that takes the caller's {@code now} (caller time), in epoch microseconds.
 *
 * @param sql the statement
 * @param nowSlots per parameter slot in order, whether it takes the caller's time
 */
record TimedSql(String sql, List<Boolean> nowSlots) {
    /** The placeholder of the claim time in a template. */
    static final String NOW = "{now}";

    /** Compiles a template: with database time its {@value #NOW} slots become the dialect's clock. */
    static TimedSql compile(String template, Dialect dialect, boolean dbTime) {
        StringBuilder sql = new StringBuilder();
        List<Boolean> nowSlots = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith(NOW, i)) {
                sql.append(dbTime ? dialect.nowMicros() : "?");
                if (!dbTime) {
                    nowSlots.add(true);
                }
                i += NOW.length();
            } else {
                char c = template.charAt(i++);
                sql.append(c);
                if (c == '?') {
                    nowSlots.add(false);
                }
            }
        }
        return new TimedSql(sql.toString(), List.copyOf(nowSlots));
    }

    /** The same slots around another text (e.g. the statement with a RETURNING clause). */
    TimedSql withSql(String value) {
        return new TimedSql(value, nowSlots);
    }

    /** Binds the parameters in order, and the caller's time into every time slot. */
    void bind(PreparedStatement statement, List<?> params, long nowMicros) throws SQLException {
        int next = 0;
        for (int slot = 0; slot < nowSlots.size(); slot++) {
            Object param = nowSlots.get(slot) ? nowMicros : params.get(next++);
            Jdbc.requireStorable(param);
            statement.setObject(slot + 1, param);
        }
    }
}
