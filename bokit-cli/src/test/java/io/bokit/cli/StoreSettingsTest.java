package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {
    private static String masked(String url) {
        return new StoreSettings(url, null, null, null, false, List.of()).maskedUrl();
    }

    @Test
    void showsAUrlWithoutCredentialsWhole() {
        assertThat(masked("jdbc:mariadb://db.example.com:3306/bokit"))
                .isEqualTo("jdbc:mariadb://db.example.com:3306/bokit");
    }

    @Test
    void hidesEveryPlaceADriverTakesAPasswordFrom() {
        assertThat(masked("jdbc:mariadb://db:3306/bokit?user=app&password=s3cret"))
                .isEqualTo("jdbc:mariadb://db:3306/bokit…");
        assertThat(masked("jdbc:h2:file:/tmp/bokit;PASSWORD=s3cret")).isEqualTo("jdbc:h2:file:/tmp/bokit…");
        assertThat(masked("jdbc:mysql://app:s3cret@db:3306/bokit")).isEqualTo("jdbc:mysql://…@db:3306/bokit");
        assertThat(masked("jdbc:mysql://app:s3/c?r;e@t@db:3306/bokit")).isEqualTo("jdbc:mysql://…@db:3306/bokit");
        assertThat(masked("jdbc:mysql://address=(host=db)(port=3306)(user=app)(password=s3cret)/bokit"))
                .isEqualTo("jdbc:mysql://address=(host=db)(port=3306)(user=app)(password=…");
        assertThat(masked("jdbc:mysql://(host=db,PWD=s3cret)/bokit")).isEqualTo("jdbc:mysql://(host=db,PWD=…");
    }
}
