package io.bokit.jdbc;

/** When {@link BokitJdbc} creates or upgrades bokit's tables (as Spring Session's initialize-schema). */
public enum InitializeMode {
    /** Always: create the tables if they are missing and apply every newer script. */
    ALWAYS,
    /** Only on an embedded database (H2); on PostgreSQL, MySQL or MariaDB the schema is yours to manage. The default. */
    EMBEDDED,
    /** Never: you run the scripts yourself, e.g. with Flyway or Liquibase. */
    NEVER
}
