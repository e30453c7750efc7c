package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksQueryAndUserInfoOfEveryUrlInAText() {
        String text = "GET https://user:pw@www.airbnb.com/calendar/ical/42.ics?s=SECRET1 failed, "
                + "then http://host:8080/export?token=SECRET2&x=1#frag and ftp-like words stay";

        String masked = Secrets.mask(text);

        assertThat(masked)
                .isEqualTo("GET https://www.airbnb.com/calendar/ical/42.ics?… failed, "
                        + "then http://host:8080/export?… and ftp-like words stay")
                .doesNotContain("SECRET", "pw");
    }

    @Test
    void leavesTextWithoutUrlsAlone() {
        assertThat(Secrets.mask("Connection refused")).isEqualTo("Connection refused");
        assertThat(Secrets.mask(null)).isNull();
    }
}
