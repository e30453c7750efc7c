package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/persistence.md's table of tables names every table the scripts create, and every column of each. */
class PersistenceDocTest {
    private static final Path DOC = Path.of("..", "docs", "persistence.md");

    @Test
    void theTableOfTablesNamesEveryColumnOfTheLatestSchema() throws Exception {
        Map<String, String> rows = tableRows(Files.readString(DOC));
        try (TestDatabase database = TestDatabase.h2Memory()) {
            database.initialize("bokit_");
            Map<String, List<String>> schema = columns(database);

            assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(schema.keySet());
            schema.forEach((table, columns) -> assertThat(
                            columns.stream().filter(column -> !rows.get(table).contains("`" + column + "`")))
                    .as("columns of %s missing from its row in docs/persistence.md", table)
                    .isEmpty());
        }
    }

    /** The rows of the Markdown table whose first cell is a table name in backticks, by table name. */
    private static Map<String, String> tableRows(String doc) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : doc.lines().toList()) {
            if (line.startsWith("| `bokit_")) {
                String name = line.substring(3, line.indexOf('`', 3));
                rows.put(name, line);
            }
        }
        return rows;
    }

    /** bokit's tables and their columns, lower case, as the database reports them. */
    private static Map<String, List<String>> columns(TestDatabase database) {
        return database.run(connection -> {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            try (ResultSet rows = connection
                    .getMetaData()
                    .getColumns(connection.getCatalog(), connection.getSchema(), "BOKIT_%", null)) {
                while (rows.next()) {
                    tables.computeIfAbsent(
                                    rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT), t -> new ArrayList<>())
                            .add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return tables;
        });
    }
}
