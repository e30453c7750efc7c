package io.bokit.bench;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.testkit.LocalFeedServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Serving a 5,000-booking calendar's export from the Spring example over real HTTP (issue 17 item 6): the body
 * built after a sync changed the calendar (cold), the cached 200 for a channel without validators, and the 304
 * for one that sends the ETag. Client time is measured around each request on 127.0.0.1; server time is the
 * example's own {@code http.server.requests} timer (read from its metrics endpoint, per kind); booking reads are
 * counted by the H2 database itself (its query statistics: executions of statements reading
 * {@code bokit_booking}), in the example's process. The store is an H2 file in {@code AUTO_SERVER} mode, seeded
 * with the calendar and its export before the example starts, so the example hosts the database and the
 * harness only reads its statistics. Run by {@code bokit-bench/run.sh --export-http-only} (see its header).
 */
public final class ExportHttpHarness {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern BOOKING_READ = Pattern.compile("(?is)^\\s*select\\b.*\\bfrom\\s+bokit_booking\\b.*");
    private static final String CALENDAR = "seaview";

    private final Args args;

    private ExportHttpHarness(Args args) {
        this.args = args;
    }

    /** Runs the harness; {@code --help} lists the options. */
    public static void main(String[] argv) throws Exception {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("ExportHttpHarness: " + e.getMessage());
            System.err.println(Args.USAGE);
            System.exit(2);
            return;
        }
        if (args == null) {
            System.out.println(Args.USAGE);
            return;
        }
        new ExportHttpHarness(args).run();
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("bokit-export-http");
        // statistics from the first connection on: a session opened before SET QUERY_STATISTICS may not count
        String url = "jdbc:h2:file:" + dir.resolve("bokit").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;QUERY_STATISTICS=TRUE;QUERY_STATISTICS_MAX_ENTRIES=1000";
        String base =
                AirbnbFeedGenerator.generate(args.bookings, 42, LocalDate.now().minusDays(20));
        try (LocalFeedServer feeds = LocalFeedServer.start()) {
            feeds.serve("/big.ics", withRoundEvent(base, 0));
            feeds.serve("/other.ics", AirbnbFeedGenerator.generate(0, 1));
            String exportPath = seed(url);
            Path log = Path.of(args.logDir).resolve("export-http-example.log");
            try (ExampleApp app = ExampleApp.start(
                    args.appClasspath,
                    url,
                    List.of(
                            "--bokit.calendars.seaview.feeds.seaview-airbnb.url="
                                    + feeds.url("/big.ics").reveal(),
                            "--bokit.calendars.seaview.feeds.seaview-booking.url="
                                    + feeds.url("/other.ics").reveal(),
                            "--bokit.trigger.enabled=false",
                            "--management.endpoints.web.exposure.include=health,bokit,metrics",
                            "--management.endpoint.bokit.access=unrestricted"),
                    log)) {
                app.awaitUp();
                measure(app, feeds, base, exportPath, url);
            }
        }
    }

    /** The calendar and its export, written before the example starts; returns the export's path. */
    private static String seed(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        try (BokitHost host = BokitHost.builder(BokitSettings.defaults())
                .dataSource(dataSource)
                .build()) {
            CalendarKey calendar = CalendarKey.of(CALENDAR);
            host.bokit()
                    .feeds()
                    .addCalendar(new AddCalendarCommand(calendar, "Sea View Apartment", ZoneId.of("Europe/Lisbon")));
            return host.bokit()
                    .exportLinks()
                    .add(new AddExportCommand(calendar, null, false))
                    .path(host.exports().path());
        }
    }

    private void measure(ExampleApp app, LocalFeedServer feeds, String base, String exportPath, String url)
            throws Exception {
        JdbcDataSource stats = new JdbcDataSource();
        stats.setURL(url);
        try (Connection connection = stats.getConnection()) {
            sync(app);
            URI export = app.uri(exportPath);
            HttpResponse<byte[]> first = get(export, null);
            if (first.statusCode() != 200) {
                throw new IllegalStateException("the export answered " + first.statusCode());
            }
            System.out.printf(
                    Locale.ROOT,
                    "Export of %,d bookings: %,d bytes; %d cold rounds (%d discarded as warm-up), %d requests per"
                            + " cached kind%n",
                    args.bookings,
                    first.body().length,
                    args.rounds,
                    args.warmupRounds,
                    args.requests);

            Kind cold = new Kind("cold body (after a sync changed the calendar)", "200");
            for (int round = 1; round <= args.rounds; round++) {
                feeds.serve("/big.ics", withRoundEvent(base, round));
                sync(app);
                boolean counted = round > args.warmupRounds;
                cold.request(app, connection, export, null, counted);
            }
            Kind cached = new Kind("cached 200 (no validator)", "200");
            Kind notModified = new Kind("304 (If-None-Match)", "304");
            String etag = get(export, null).headers().firstValue("ETag").orElseThrow();
            for (int i = 0; i < args.requests; i++) {
                cached.request(app, connection, export, null, i >= args.requests / 5);
            }
            for (int i = 0; i < args.requests; i++) {
                notModified.request(app, connection, export, etag, i >= args.requests / 5);
            }
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "%-48s %8s %10s %10s %10s %12s %14s%n",
                    "kind",
                    "requests",
                    "client p50",
                    "client p99",
                    "client max",
                    "server mean",
                    "booking reads");
            for (Kind kind : List.of(cold, cached, notModified)) {
                kind.print();
            }
            System.out.println("(times in ms; server mean = the example's http.server.requests timer for the export"
                    + " path, per request; booking reads = H2's executions of SELECTs on bokit_booking per request)");
        }
    }

    /** One kind of request: its client times, the server timer's delta and the booking reads, per request. */
    private final class Kind {
        private final String name;
        private final String status;
        private final List<Double> client = new ArrayList<>();
        private double serverSeconds;
        private long serverCount;
        private long bookingReads;

        Kind(String name, String status) {
            this.name = name;
            this.status = status;
        }

        void request(ExampleApp app, Connection connection, URI export, String etag, boolean counted) throws Exception {
            double[] timerBefore = timer(app, status);
            long readsBefore = bookingReads(connection);
            long started = System.nanoTime();
            HttpResponse<byte[]> response = get(export, etag);
            double millis = (System.nanoTime() - started) / 1e6;
            if (!String.valueOf(response.statusCode()).equals(status)) {
                throw new IllegalStateException(name + ": the export answered " + response.statusCode());
            }
            long reads = bookingReads(connection) - readsBefore;
            double[] timerAfter = timer(app, status);
            if (counted) {
                client.add(millis);
                serverSeconds += timerAfter[1] - timerBefore[1];
                serverCount += (long) (timerAfter[0] - timerBefore[0]);
                bookingReads += reads;
            }
        }

        void print() {
            double[] sorted =
                    client.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "%-48s %8d %10.2f %10.2f %10.2f %12.3f %14.2f%n",
                    name,
                    sorted.length,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    sorted[sorted.length - 1],
                    serverCount == 0 ? Double.NaN : serverSeconds * 1000 / serverCount,
                    (double) bookingReads / sorted.length);
        }
    }

    /**
     * The example's {@code http.server.requests} timer for the export servlet's answers of a status: count and total
     * seconds. Spring tags a request no MVC handler mapped {@code uri=UNKNOWN}, or {@code REDIRECTION} for a 3xx.
     */
    private static double[] timer(ExampleApp app, String status) throws IOException, InterruptedException {
        String uriTag = status.startsWith("3") ? "REDIRECTION" : "UNKNOWN";
        URI uri = app.uri("/actuator/metrics/http.server.requests?tag=uri:" + uriTag + "&tag=status:" + status);
        HttpResponse<String> response =
                CLIENT.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return new double[] {0, 0};
        }
        return new double[] {statistic(response.body(), "COUNT"), statistic(response.body(), "TOTAL_TIME")};
    }

    private static double statistic(String json, String name) {
        Matcher matcher = Pattern.compile("\"statistic\":\"" + name + "\",\"value\":([0-9.Ee+-]+)")
                .matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** Executions of SELECTs on {@code bokit_booking} so far, as H2 counts them for the whole database. */
    private static long bookingReads(Connection connection) throws SQLException {
        long reads = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        // RAND() keeps H2 from answering with the result it cached while no table changed
                        "SELECT SQL_STATEMENT, EXECUTION_COUNT, RAND() FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rows.next()) {
                if (BOOKING_READ.matcher(rows.getString(1)).matches()) {
                    reads += rows.getLong(2);
                }
            }
        }
        return reads;
    }

    private static void sync(ExampleApp app) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(app.uri("/actuator/bokit"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"completed\"")) {
            throw new IllegalStateException("sync now answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpResponse<byte[]> get(URI uri, String etag) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The feed with one more stay whose UID is the round's: each round's sync creates one and vanishes one. */
    private static String withRoundEvent(String feed, int round) {
        LocalDate start = LocalDate.now().plusDays(400 + round % 200);
        String event = "BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:"
                + start.toString().replace("-", "") + "\r\nDTEND;VALUE=DATE:"
                + start.plusDays(2).toString().replace("-", "") + "\r\nUID:round-" + round
                + "@bench\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n";
        return feed.replace("END:VCALENDAR", event + "END:VCALENDAR");
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static final class Args {
        static final String USAGE = "usage: ExportHttpHarness --app-classpath-file FILE | --app-classpath CP"
                + " [--bookings N (5000)] [--rounds N (30)] [--warmup-rounds N (10)] [--requests N (500)]"
                + " [--log-dir DIR (bokit-bench/target)]";

        String appClasspath;
        int bookings = 5000;
        int rounds = 30;
        int warmupRounds = 10;
        int requests = 500;
        String logDir = "bokit-bench/target";

        /** The options, or null for {@code --help}. */
        static Args parse(String[] argv) {
            Args args = new Args();
            for (int i = 0; i < argv.length; i++) {
                if (argv[i].equals("--help") || argv[i].equals("-h")) {
                    return null;
                }
                if (i + 1 >= argv.length) {
                    throw new IllegalArgumentException(argv[i] + " needs a value");
                }
                String value = argv[++i];
                switch (argv[i - 1]) {
                    case "--app-classpath" -> args.appClasspath = value;
                    case "--app-classpath-file" -> args.appClasspath =
                            "bokit-example-spring/target/classes" + File.pathSeparator + read(value);
                    case "--bookings" -> args.bookings = positive(argv[i - 1], value);
                    case "--rounds" -> args.rounds = positive(argv[i - 1], value);
                    case "--warmup-rounds" -> args.warmupRounds = positive(argv[i - 1], value);
                    case "--requests" -> args.requests = positive(argv[i - 1], value);
                    case "--log-dir" -> args.logDir = value;
                    default -> throw new IllegalArgumentException("unknown option " + argv[i - 1]);
                }
            }
            if (args.appClasspath == null) {
                throw new IllegalArgumentException("--app-classpath or --app-classpath-file is required");
            }
            if (args.warmupRounds >= args.rounds) {
                throw new IllegalArgumentException("--warmup-rounds must be less than --rounds");
            }
            Arrays.stream(args.appClasspath.split(File.pathSeparator))
                    .filter(entry -> !new File(entry).exists())
                    .findFirst()
                    .ifPresent(missing -> {
                        throw new IllegalArgumentException("not found on the app classpath: " + missing
                                + " (build the example first, see bokit-bench/run.sh)");
                    });
            return args;
        }

        private static int positive(String option, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a positive whole number, was " + value);
        }

        private static String read(String file) {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the app classpath file " + file, e);
            }
        }
    }
}
