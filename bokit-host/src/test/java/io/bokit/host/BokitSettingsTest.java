package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.jdbc.InitializeMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BokitSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        BokitSettings settings = BokitSettings.defaults();

        assertThat(settings.run().leaseFor()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.run().refreshPeriod()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.run().parallelHosts()).isEqualTo(4);
        assertThat(settings.dbTime()).isTrue();
        assertThat(settings.triggerEnabled()).isTrue();
        assertThat(settings.executorThreads()).isEqualTo(2);
        assertThat(settings.executorQueueCapacity()).isEqualTo(8);
        assertThat(settings.executorShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.schemaInitialize()).isEqualTo(InitializeMode.EMBEDDED);
        assertThat(settings.tablePrefix()).isEqualTo("bokit_");
        assertThat(settings.databaseMaxConnections()).isEqualTo(2);
        assertThat(settings.defaultInterval()).isNull();
        assertThat(settings.installComplete()).isNull();
        assertThat(settings.calendars()).isEmpty();
        assertThat(settings.excludedPaths().patterns()).isEqualTo(BokitSettings.DEFAULT_EXCLUDED_PATHS);
    }

    @Test
    void defaultExclusionsCoverEveryHostsManagementPathsAndAssets() {
        PathPatterns excluded = BokitSettings.defaults().excludedPaths();

        assertThat(List.of("/actuator/health", "/health", "/bokit/feeds", "/css/site.css", "/img/logo.png", "/error"))
                .allMatch(excluded::matches);
        assertThat(List.of("/", "/bookings", "/demo/airbnb.ics")).noneMatch(excluded::matches);
    }

    @Test
    void additionalExcludedPathsAddToTheDefaults() {
        PathPatterns excluded = BokitSettings.builder()
                .additionalExcludedPaths(List.of("/demo/**", " "))
                .build()
                .excludedPaths();

        assertThat(excluded.matches("/demo/airbnb.ics")).isTrue();
        assertThat(excluded.matches("/actuator/health")).isTrue();
        assertThat(excluded.patterns()).hasSize(BokitSettings.DEFAULT_EXCLUDED_PATHS.size() + 1);
        assertThatThrownBy(() -> BokitSettings.builder()
                        .additionalExcludedPaths(List.of("/users/{id}"))
                        .build())
                .hasMessageStartingWith("Invalid bokit.trigger.additional-excluded-paths:");
    }

    @Test
    void refusesAFractionOfASecondAsTheDefaultInterval() {
        assertThatThrownBy(() -> BokitSettings.builder()
                        .defaultInterval(Duration.ofMillis(1500))
                        .build())
                .isInstanceOf(BokitConfigurationException.class)
                .hasMessage("Invalid bokit.default-interval: 1500ms is not a whole number of seconds,"
                        + " which sync.interval takes")
                .extracting(e -> ((BokitConfigurationException) e).property())
                .isEqualTo("bokit.default-interval");
    }

    @Test
    void storesAWholeDefaultIntervalAsSeconds() {
        assertThat(BokitSettings.builder()
                        .defaultInterval(Duration.ofMinutes(5))
                        .build()
                        .defaultInterval())
                .isEqualTo("300");
    }

    @Test
    void namesThePropertyOfEveryOutOfRangeNumber() {
        assertThatThrownBy(() -> BokitSettings.builder().executorThreads(0).build())
                .hasMessage("Invalid bokit.executor.threads: must be 1 to 64, was 0");
        assertThatThrownBy(
                        () -> BokitSettings.builder().executorQueueCapacity(0).build())
                .hasMessage("Invalid bokit.executor.queue-capacity: must be 1 to 10000, was 0");
        assertThatThrownBy(() -> BokitSettings.builder().parallelHosts(65).build())
                .hasMessage("Invalid bokit.parallel-hosts: must be 1 to 64, was 65");
        assertThatThrownBy(() ->
                        BokitSettings.builder().leaseDuration(Duration.ZERO).build())
                .hasMessageStartingWith("Invalid bokit.lease-duration: must be PT1S to PT24H");
        assertThatThrownBy(() -> BokitSettings.builder()
                        .executorShutdownTimeout(Duration.ofSeconds(-1))
                        .build())
                .hasMessageStartingWith("Invalid bokit.executor.shutdown-timeout:");
        assertThatThrownBy(
                        () -> BokitSettings.builder().databaseMaxConnections(0).build())
                .hasMessage("Invalid bokit.database.max-connections: must be 1 to 64, was 0");
        assertThatThrownBy(() -> BokitSettings.builder().httpMaxBodyBytes(0L).build())
                .hasMessage("Invalid bokit.http.max-body-size: must be at least 1 byte, was 0");
    }

    @Test
    void refusesABadAddressBlockAndABadPathPattern() {
        assertThatThrownBy(() -> BokitSettings.builder()
                        .allowedPrivateAddresses(List.of("10.0.0.0/99"))
                        .build())
                .hasMessageStartingWith("Invalid bokit.http.allowed-private-addresses:");
        assertThatThrownBy(() -> BokitSettings.builder()
                        .excludedPaths(List.of("/users/{id}"))
                        .build())
                .hasMessageStartingWith("Invalid bokit.trigger.excluded-paths:");
    }

    @Test
    void checksEveryDeclaredCalendarAndFeed() {
        assertThatThrownBy(() -> BokitSettings.builder()
                        .calendar("sea", new CalendarDeclaration(null, "Mars/Olympus", Map.of()))
                        .build())
                .hasMessageStartingWith("Invalid bokit.calendars.sea.zone: \"Mars/Olympus\" is not a time-zone id");
        assertThatThrownBy(() -> BokitSettings.builder()
                        .calendar("sea", calendar("airbnb", new FeedDeclaration(" ", null)))
                        .build())
                .hasMessage(
                        "Invalid bokit.calendars.sea.feeds.airbnb.url: is missing: every declared feed needs its URL");
        assertThatThrownBy(() -> BokitSettings.builder()
                        .calendar("sea", calendar("airbnb", new FeedDeclaration("ftp://x.example/a?s=SECRET", null)))
                        .build())
                .hasMessageStartingWith("Invalid bokit.calendars.sea.feeds.airbnb.url:")
                .message()
                .doesNotContain("SECRET");
    }

    @Test
    void refusesOneFeedIdUnderTwoCalendars() {
        FeedDeclaration feed = new FeedDeclaration("https://www.airbnb.com/calendar/ical/1.ics?s=SECRET", null);

        assertThatThrownBy(() -> BokitSettings.builder()
                        .calendar("sea", calendar("airbnb", feed))
                        .calendar("hill", calendar("airbnb", feed))
                        .build())
                .isInstanceOf(BokitConfigurationException.class)
                .hasMessage("Invalid bokit.calendars.hill.feeds.airbnb: feed id airbnb is declared twice, under"
                        + " bokit.calendars.sea.feeds and bokit.calendars.hill.feeds: feed ids are unique across"
                        + " calendars");
    }

    @Test
    void namesDefaultToKeysAndIds() {
        BokitSettings settings = BokitSettings.builder()
                .calendar(
                        "sea",
                        calendar("airbnb", new FeedDeclaration("https://www.airbnb.com/calendar/ical/1.ics?s=x", null)))
                .build();

        assertThat(settings.calendars().get(0).name()).isEqualTo("sea");
        assertThat(settings.feeds().get(0).name()).isEqualTo("airbnb");
    }

    @Test
    void aFeedDeclarationNeverShowsItsSecret() {
        assertThat(new FeedDeclaration("https://www.airbnb.com/calendar/ical/1.ics?s=SECRET", "a").toString())
                .doesNotContain("SECRET");
    }

    static CalendarDeclaration calendar(String feedId, FeedDeclaration feed) {
        return new CalendarDeclaration(null, null, Map.of(feedId, feed));
    }
}
