package io.bokit.cli;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.out.ClockPort;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.InitializeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One command's open store and the core assembled over it by {@link BokitHost}, as in every host: the JDBC
 * ports, an HTTP fetcher that also reads local files, and the sync run on the CLI's own thread. Holds one connection open while the
 * command runs, so an embedded H2 file is opened once.
 */
final class Store implements AutoCloseable {
    /** Address blocks {@code --allow-private} lets the SSRF guard pass: loopback and private networks. */
    static final List<String> PRIVATE_RANGES =
            List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");

    /** The JDBC URLs whose drivers the CLI carries. */
    static final List<String> SUPPORTED_URLS = List.of("jdbc:h2:", "jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:");

    /** The supported URLs in words, for messages. */
    static final String EXPECTED_URLS = "jdbc:postgresql://host:port/database, jdbc:mariadb://host:port/database,"
            + " jdbc:mysql://host:port/database or jdbc:h2:…";

    /** What an SSRF refusal tells a CLI user to do, instead of the Java builder call. */
    static final String REFUSAL_REMEDY =
            "bokit-cli fetches it with --allow CIDR (e.g. --allow <that address>/32) or --allow-private";

    private final StoreSettings settings;
    private final Connection keeper;
    private final HttpFetchSettings fetchSettings;
    private final ObservedFetcher fetcher;
    private final Bokit bokit;

    private Store(
            StoreSettings settings,
            Connection keeper,
            Bokit bokit,
            HttpFetchSettings fetchSettings,
            ObservedFetcher fetcher) {
        this.settings = settings;
        this.keeper = keeper;
        this.bokit = bokit;
        this.fetchSettings = fetchSettings;
        this.fetcher = fetcher;
    }

    /** How feeds are fetched: local files too, the private blocks the options allow, and the CLI's own remedy. */
    private static HttpFetchSettings fetchSettings(StoreSettings settings, ClockPort clock) {
        HttpFetchSettings.Builder fetch =
                HttpFetchSettings.builder().allowFileUrls(true).clock(clock).refusalRemedy(REFUSAL_REMEDY);
        if (settings.allowPrivate()) {
            PRIVATE_RANGES.forEach(fetch::allow);
        }
        for (String cidr : settings.allowed()) {
            try {
                fetch.allow(cidr.strip());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Invalid --allow " + cidr + ": " + e.getMessage());
            }
        }
        return fetch.build();
    }

    /**
     * Opens the store.
     *
     * @param install whether to create or upgrade the schema whatever the database ({@code install});
     *     otherwise an embedded H2 store is created on first use and any other must already have it
     * @throws CliException if the database cannot be opened (exit 1), its URL is not supported or
     *     it has no bokit tables (exit 2)
     */
    static Store open(StoreSettings settings, boolean install, ClockPort clock) {
        String url = settings.url();
        if (SUPPORTED_URLS.stream().noneMatch(url::startsWith)) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "Unsupported database URL " + settings.maskedUrl() + ": expected " + EXPECTED_URLS);
        }
        if (settings.home() != null) {
            try {
                Files.createDirectories(settings.home());
            } catch (IOException e) {
                throw new CliException(
                        ExitCodes.ERROR, "Cannot create the bokit home directory " + settings.home() + ": " + e, e);
            }
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, settings.user(), settings.password());
        Connection keeper;
        try {
            keeper = dataSource.getConnection();
        } catch (SQLException e) {
            throw new CliException(
                    ExitCodes.ERROR, "Cannot open the database " + settings.describe() + ": " + e.getMessage(), e);
        }
        try {
            HttpFetchSettings fetchSettings = fetchSettings(settings, clock);
            ObservedFetcher fetcher = new ObservedFetcher(() -> new HttpFeedFetcher(fetchSettings));
            // the CLI is a host like the web adapters; its sync runs on the command's own thread
            Bokit bokit = BokitHost.builder(BokitSettings.builder()
                            .schemaInitialize(install ? InitializeMode.ALWAYS : InitializeMode.EMBEDDED)
                            .build())
                    .dataSource(dataSource)
                    .clock(clock)
                    .fetcher(fetcher)
                    .executor(Runnable::run)
                    .build()
                    .bokit();
            if (!hasSchema(keeper)) {
                throw new CliException(
                        ExitCodes.USAGE,
                        "The database " + settings.describe()
                                + " has no bokit tables yet: run bokit-cli install first");
            }
            return new Store(settings, keeper, bokit, fetchSettings, fetcher);
        } catch (RuntimeException e) {
            closeQuietly(keeper);
            throw e;
        }
    }

    /** The assembled core. */
    Bokit bokit() {
        return bokit;
    }

    /** How this store's feeds are fetched: to tell, when a feed is added, whether syncs would refuse it. */
    HttpFetchSettings fetchSettings() {
        return fetchSettings;
    }

    /** The fetcher, to watch a run's progress. */
    ObservedFetcher fetcher() {
        return fetcher;
    }

    /** The store in words. */
    String describe() {
        return settings.describe();
    }

    @Override
    public void close() {
        closeQuietly(keeper);
    }

    private static boolean hasSchema(Connection connection) {
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String name : List.of("bokit_schema_version", "BOKIT_SCHEMA_VERSION")) {
                // this database's own tables: on MySQL and MariaDB a null catalog searches every database
                try (ResultSet tables = metaData.getTables(
                        connection.getCatalog(), connection.getSchema(), name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new CliException(ExitCodes.ERROR, "Cannot read the database's tables: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection we only kept open; nothing to do
        }
    }
}
