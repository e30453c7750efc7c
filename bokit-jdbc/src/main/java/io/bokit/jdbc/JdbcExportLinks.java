package io.bokit.jdbc;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.TokenHash;
import io.bokit.core.port.out.ExportLinksPort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ExportLinksPort} over the table {@code <prefix>export}: one row per export, its token as a hash. */
final class JdbcExportLinks implements ExportLinksPort {
    private static final String COLUMNS =
            "export_id, calendar_key, target_feed, guest_names, token_hash, token_hint, created_at, rotated_at";

    private final Jdbc jdbc;
    private final String select;
    private final String upsert;
    private final String tokenTaken;
    private final String delete;

    JdbcExportLinks(Jdbc jdbc, Dialect dialect, TablePrefix prefix) {
        this.jdbc = jdbc;
        String table = prefix.table("export");
        this.select = "SELECT " + COLUMNS + " FROM " + table;
        this.upsert = dialect.upsert(table, List.of("export_id"), List.of(COLUMNS.split(", ")));
        this.tokenTaken = "SELECT export_id FROM " + table + " WHERE token_hash = ? AND export_id <> ?";
        this.delete = "DELETE FROM " + table + " WHERE export_id = ?";
    }

    @Override
    public void save(ExportLink link) {
        Objects.requireNonNull(link, "link");
        List<Object> params = List.of(
                link.id().value(),
                link.calendar().value(),
                Column.param(link.target() == null ? null : link.target().value()),
                link.guestNames(),
                link.tokenHash().hex(),
                link.tokenHint(),
                Column.micros(link.created()),
                Column.param(link.rotated()));
        jdbc.inTransaction("save export " + link.id(), connection -> {
            List<String> other = Jdbc.query(
                    connection,
                    tokenTaken,
                    List.of(link.tokenHash().hex(), link.id().value()),
                    row -> row.getString(1));
            if (!other.isEmpty()) {
                throw new InvalidInputException("Export " + other.get(0) + " already has this token");
            }
            return Jdbc.update(connection, upsert, params);
        });
    }

    @Override
    public Optional<ExportLink> find(ExportId id) {
        Objects.requireNonNull(id, "id");
        return one("find export " + id, " WHERE export_id = ?", id.value());
    }

    @Override
    public Optional<ExportLink> findByTokenHash(TokenHash hash) {
        Objects.requireNonNull(hash, "hash");
        return one("find an export by its token", " WHERE token_hash = ?", hash.hex());
    }

    @Override
    public List<ExportLink> list() {
        String sql = select + " ORDER BY calendar_key, export_id";
        return jdbc.run(
                "list the exports", connection -> Jdbc.query(connection, sql, List.of(), JdbcExportLinks::link));
    }

    @Override
    public boolean remove(ExportId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.run("remove export " + id, connection -> Jdbc.update(connection, delete, List.of(id.value())) > 0);
    }

    private Optional<ExportLink> one(String what, String where, String param) {
        String sql = select + where;
        return jdbc.run(what, connection -> Jdbc.query(connection, sql, List.of(param), JdbcExportLinks::link).stream()
                .findFirst());
    }

    private static ExportLink link(ResultSet row) throws SQLException {
        String target = row.getString("target_feed");
        return new ExportLink(
                ExportId.of(row.getString("export_id")),
                CalendarKey.of(row.getString("calendar_key")),
                target == null ? null : FeedId.of(target),
                row.getBoolean("guest_names"),
                new TokenHash(row.getString("token_hash").strip()),
                row.getString("token_hint"),
                Column.instant(row, "created_at"),
                Column.instant(row, "rotated_at"));
    }
}
