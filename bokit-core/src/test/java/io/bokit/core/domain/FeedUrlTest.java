package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeedUrlTest {
    private static final String SECRET = "s3cr3t-t0ken";

    @Test
    void masksTheQueryWhereverItIsPrinted() {
        FeedUrl url = FeedUrl.parse("https://admin.booking.com/hotel/ical.html?t=" + SECRET);

        assertThat(url.masked()).isEqualTo("https://admin.booking.com/hotel/ical.html?…");
        assertThat(url.toString()).doesNotContain(SECRET);
        assertThat(url.reveal().toString()).contains(SECRET);
        assertThat(url.host()).isEqualTo("admin.booking.com");
    }

    @Test
    void keepsThePortAndLowerCasesTheHost() {
        assertThat(FeedUrl.parse("http://127.0.0.1:8080/a.ics").masked()).isEqualTo("http://127.0.0.1:8080/a.ics");
        assertThat(FeedUrl.parse("HTTPS://WWW.Airbnb.COM/calendar/ical/1.ics?s=x")
                        .host())
                .isEqualTo("www.airbnb.com");
    }

    @Test
    void refusesOtherSchemesWithoutShowingTheSecret() {
        assertThatThrownBy(() -> FeedUrl.parse("ftp://example.com/a.ics?token=" + SECRET))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("http, https or file")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> FeedUrl.parse("not a url?token=" + SECRET))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void namesAFileFeedAfterLocalFile() {
        assertThat(FeedUrl.parse("file:///tmp/feed.ics").host()).isEqualTo("localfile");
    }
}
