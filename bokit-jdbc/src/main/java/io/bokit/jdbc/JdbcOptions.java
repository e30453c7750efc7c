package io.bokit.jdbc;

import io.bokit.core.port.out.OptionsPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** {@link OptionsPort} over the table {@code <prefix>option}: one row per stored key. */
final class JdbcOptions implements OptionsPort {
    private final Jdbc jdbc;
    private final String selectAll;
    private final String selectOne;
    private final String upsert;
    private final String delete;

    JdbcOptions(Jdbc jdbc, Dialect dialect, TablePrefix prefix) {
        this.jdbc = jdbc;
        String table = prefix.table("option");
        this.selectAll = "SELECT option_key, option_value FROM " + table;
        this.selectOne = "SELECT option_value FROM " + table + " WHERE option_key = ?";
        this.upsert = dialect.upsert(table, List.of("option_key"), List.of("option_key", "option_value"));
        this.delete = "DELETE FROM " + table + " WHERE option_key = ?";
    }

    @Override
    public Map<String, String> loadAll() {
        return jdbc.run("load the options", connection -> {
            Map<String, String> values = new TreeMap<>();
            Jdbc.query(connection, selectAll, List.of(), row -> values.put(row.getString(1), row.getString(2)));
            return values;
        });
    }

    @Override
    public Optional<String> load(String key) {
        Objects.requireNonNull(key, "key");
        return jdbc.run(
                "load option " + key,
                connection -> Jdbc.query(connection, selectOne, List.of(key), row -> row.getString(1)).stream()
                        .findFirst());
    }

    @Override
    public void store(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        jdbc.run("store option " + key, connection -> Jdbc.update(connection, upsert, List.of(key, value)));
    }

    @Override
    public boolean remove(String key) {
        Objects.requireNonNull(key, "key");
        return jdbc.run("remove option " + key, connection -> Jdbc.update(connection, delete, List.of(key)) > 0);
    }
}
