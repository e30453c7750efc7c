package io.bokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.port.out.ICalFeedPort;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The snippets of docs/fetching.md, compiled and run. */
class FetchingDocsExampleTest {

    @Test
    void configuresAFetcher() {
        // docs:fetching-settings
        HttpFetchSettings settings = HttpFetchSettings.builder()
                .requestTimeout(Duration.ofSeconds(20)) // default 30 s
                .maxBodyBytes(5 * 1024 * 1024) // default 10 MiB
                .userAgent("Mozilla/5.0 (compatible; MyRentals/2.1; +https://rentals.example)")
                .allow("10.20.0.0/16") // a channel manager inside our own network
                .build();
        ICalFeedPort fetcher = new HttpFeedFetcher(settings);
        // end:fetching-settings

        assertThat(fetcher).isInstanceOf(HttpFeedFetcher.class);
        assertThat(((HttpFeedFetcher) fetcher).settings().allowedAddresses())
                .containsExactly(CidrRange.parse("10.20.0.0/16"));
    }

    @Test
    void configuresALocalDemo() {
        // docs:fetching-demo
        HttpFetchSettings demo = HttpFetchSettings.builder()
                .allowLoopback() // 127.0.0.0/8 and ::1
                .allowFileUrls(true) // file:///path/to/calendar.ics
                .build();
        // end:fetching-demo

        assertThat(demo.allowFileUrls()).isTrue();
    }
}
