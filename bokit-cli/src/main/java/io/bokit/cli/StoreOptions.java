package io.bokit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options that say where the store is and which private addresses feeds may be on: a picocli mixin of
 * the root command whose options every subcommand inherits, so they work before or after the command name.
 */
final class StoreOptions {
    @Option(
            names = "--home",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Directory of the embedded H2 store (default: $BOKIT_HOME, else ~/.bokit).")
    Path home;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            scope = ScopeType.INHERIT,
            description = "JDBC URL of the store instead of the embedded H2 file, "
                    + "e.g. jdbc:postgresql://localhost:5432/app, jdbc:mariadb://localhost:3306/app or "
                    + "jdbc:mysql://localhost:3306/app (default: $BOKIT_DB_URL).")
    String db;

    @Option(
            names = "--db-user",
            paramLabel = "USER",
            scope = ScopeType.INHERIT,
            description = "Database user (default: $BOKIT_DB_USER).")
    String dbUser;

    @Option(
            names = "--db-password",
            paramLabel = "PASSWORD",
            scope = ScopeType.INHERIT,
            description = "Database password (default: $BOKIT_DB_PASSWORD, which keeps it out of the process list).")
    String dbPassword;

    @Option(
            names = "--allow-private",
            scope = ScopeType.INHERIT,
            description = "Let feeds on loopback and private network addresses be fetched (local demos and tests). "
                    + "Dangerous where other people can add feeds: it opens your private network to them.")
    boolean allowPrivate;

    @Option(
            names = "--allow",
            paramLabel = "CIDR",
            split = ",",
            scope = ScopeType.INHERIT,
            description = "Let feeds on this address block be fetched although it is loopback or private, "
                    + "e.g. 10.0.0.5/32 for one channel manager inside your network (repeatable, or comma-separated).")
    List<String> allow = new ArrayList<>();

    /** Where the store is, from the options, then the environment, then the default. */
    StoreSettings settings(Environment environment) {
        String url = db != null ? db : environment.get("BOKIT_DB_URL");
        if (url != null) {
            return new StoreSettings(
                    url.strip(),
                    dbUser != null ? dbUser : environment.get("BOKIT_DB_USER"),
                    dbPassword != null ? dbPassword : environment.get("BOKIT_DB_PASSWORD"),
                    null,
                    allowPrivate,
                    allow);
        }
        return StoreSettings.embedded(homeDirectory(environment), allowPrivate, allow);
    }

    /** The bokit home directory: {@code --home}, else {@code $BOKIT_HOME}, else {@code ~/.bokit}. */
    Path homeDirectory(Environment environment) {
        if (home != null) {
            return home;
        }
        String fromEnvironment = environment.get("BOKIT_HOME");
        return fromEnvironment != null
                ? Path.of(fromEnvironment)
                : environment.userHome().resolve(".bokit");
    }
}
