/**
 * bokit's storage ports over plain JDBC, built by {@code BokitJdbc} from a {@code javax.sql.DataSource}. The schema
 * scripts ({@code io/bokit/jdbc/schema/…}) are read by the module's own classes and need no {@code opens}.
 */
module io.bokit.jdbc {
    requires transitive io.bokit.core;
    requires transitive java.sql;
    requires org.slf4j;

    exports io.bokit.jdbc;
}
