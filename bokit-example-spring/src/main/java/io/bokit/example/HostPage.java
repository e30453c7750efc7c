package io.bokit.example;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A page of the host application that knows nothing of bokit: one small query on the application's
 * DataSource and a few lines of HTML. It works with {@code bokit.enabled=false} too, which is what
 * the page-latency benchmark compares (bokit-bench's {@code PageLatencyHarness}).
 */
@RestController
public class HostPage {
    private final DataSource dataSource;

    /** The page over the application's DataSource. */
    public HostPage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Renders the page; like every page view, it runs bokit's request hook after the response. */
    @GetMapping(path = "/hello", produces = MediaType.TEXT_HTML_VALUE)
    public String page() throws SQLException {
        long now;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            row.next();
            now = row.getTimestamp(1).getTime();
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>hello</title></head><body>"
                + "<h1>Hello from the host application</h1><p>The database says it is " + now
                + " ms since the epoch.</p></body></html>";
    }
}
