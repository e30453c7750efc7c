package io.bokit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.host.BokitConfigurationException;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the startup stores: the seeded options, and the calendars and feeds declared in properties
 * (read from the environment, checked by {@code BokitSettings} with the same messages as every host).
 */
class ConfiguredCalendarsTest {
    private static final String AIRBNB = "https://www.airbnb.com/calendar/ical/1.ics?t=AIRBNB-SECRET";
    private static final String BOOKING = "https://admin.booking.com/ical/2.ics?t=BOOKING-SECRET";

    private final String database = "bokit-" + UUID.randomUUID();

    @Test
    void registersTheDeclaredCalendarsAndFeedsOnceAcrossRestarts() {
        for (int start = 0; start < 2; start++) {
            try (ApplicationContext context = TestApp.withDatabase(database)
                    .with("bokit.calendars.seaview.name", "Sea View")
                    .with("bokit.calendars.seaview.zone", "Europe/Paris")
                    .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", AIRBNB)
                    .with("bokit.calendars.seaview.feeds.seaview-airbnb.name", "Airbnb")
                    .with("bokit.calendars.seaview.feeds.seaview-booking.url", BOOKING)
                    .with("bokit.calendars.garden.feeds.garden-airbnb.url", AIRBNB + "2")
                    .run()) {
                Bokit bokit = context.getBean(Bokit.class);

                assertThat(bokit.feeds().calendars())
                        .containsExactlyInAnyOrder(
                                new Calendar(CalendarKey.of("seaview"), "Sea View", ZoneId.of("Europe/Paris")),
                                new Calendar(
                                        CalendarKey.of("garden"), "garden", ZoneId.of("UTC"))); // the timezone option
                assertThat(bokit.feeds().feeds())
                        .extracting(
                                feed -> feed.calendar().value(),
                                feed -> feed.id().value(),
                                Feed::name,
                                feed -> feed.url().reveal().toString())
                        .containsExactlyInAnyOrder(
                                tuple("seaview", "seaview-airbnb", "Airbnb", AIRBNB),
                                tuple("seaview", "seaview-booking", "seaview-booking", BOOKING),
                                tuple("garden", "garden-airbnb", "garden-airbnb", AIRBNB + "2"));
            }
        }
    }

    @Test
    void leavesTheCalendarsAndFeedsTheDatabaseAlreadyHasAlone() {
        try (ApplicationContext context = TestApp.withDatabase(database)
                .with("bokit.calendars.seaview.name", "Sea View")
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", AIRBNB)
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.name", "Airbnb")
                .run()) {
            assertThat(context.getBean(Bokit.class).feeds().feeds()).hasSize(1);
        }

        try (ApplicationContext context = TestApp.withDatabase(database)
                .with("bokit.calendars.seaview.name", "Renamed")
                .with("bokit.calendars.seaview.zone", "Europe/Lisbon")
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", BOOKING)
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.name", "Renamed too")
                .run()) {
            Bokit bokit = context.getBean(Bokit.class);

            assertThat(bokit.feeds().calendars())
                    .containsExactly(new Calendar(CalendarKey.of("seaview"), "Sea View", ZoneId.of("UTC")));
            Feed feed = bokit.feeds().feed(FeedId.of("seaview-airbnb"));
            assertThat(feed.name()).isEqualTo("Airbnb");
            assertThat(feed.url().reveal()).hasToString(AIRBNB);
        }
    }

    @Test
    void theDefaultIntervalSeedsAnEmptyDatabaseButNeverOverwritesAStoredValue() {
        try (ApplicationContext context = TestApp.withDatabase(database)
                .with("bokit.default-interval", "5m")
                .run()) {
            assertThat(context.getBean(Bokit.class).options().current().syncInterval())
                    .isEqualTo(Duration.ofMinutes(5));
            context.getBean(Bokit.class).options().set("sync.interval", "120");
        }

        try (ApplicationContext context = TestApp.withDatabase(database)
                .with("bokit.default-interval", "1h")
                .run()) {
            assertThat(context.getBean(Bokit.class).options().current().syncInterval())
                    .isEqualTo(Duration.ofSeconds(120));
        }
    }

    @Test
    void installCompleteSeedsAnEmptyDatabaseButNeverOverwritesAStoredValue() {
        try (ApplicationContext context = TestApp.withDatabase(database)
                .with("bokit.install-complete", true)
                .run()) {
            assertThat(context.getBean(Bokit.class).options().current().installComplete())
                    .isTrue();
            context.getBean(Bokit.class).options().set("install.complete", "false");
        }

        try (ApplicationContext context = TestApp.withDatabase(database)
                .with("bokit.install-complete", true)
                .run()) {
            assertThat(context.getBean(Bokit.class).options().current().installComplete())
                    .isFalse();
        }
    }

    @Test
    void aDeclaredFeedWithoutAUrlFailsTheStartupNamingThePropertyAndRegistersNothing() {
        TestApp app = TestApp.withDatabase(database)
                .with("bokit.calendars.seaview.name", "Sea View")
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.name", "Airbnb");

        assertThatThrownBy(() -> app.run().close())
                .hasStackTraceContaining("Invalid bokit.calendars.seaview.feeds.seaview-airbnb.url: is missing");
        try (ApplicationContext context = TestApp.withDatabase(database).run()) {
            assertThat(context.getBean(Bokit.class).feeds().calendars()).isEmpty();
        }
    }

    @Test
    void aFeedInTheOldOneLineShapeFailsTheStartupAskingForItsUrlWithoutShowingIt() {
        TestApp app = TestApp.withDatabase(database).with("bokit.calendars.seaview.feeds.seaview-airbnb", AIRBNB);

        assertThatThrownBy(() -> app.run().close())
                .hasStackTraceContaining("Invalid bokit.calendars.seaview.feeds.seaview-airbnb.url: is missing")
                .satisfies(e -> assertThat(trace(e)).doesNotContain("AIRBNB-SECRET"));
    }

    @Test
    void aBadZoneFailsTheStartupNamingTheProperty() {
        TestApp app = TestApp.withDatabase(database).with("bokit.calendars.seaview.zone", "Mars/Olympus_Mons");

        assertThatThrownBy(() -> app.run().close())
                .hasStackTraceContaining("Invalid bokit.calendars.seaview.zone")
                .hasStackTraceContaining("Mars/Olympus_Mons");
    }

    @Test
    void aBadFeedUrlFailsTheStartupNamingThePropertyWithTheUrlMasked() {
        TestApp app = TestApp.withDatabase(database)
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", "htp://www.airbnb.com/1.ics?t=AIRBNB-SECRET");

        assertThatThrownBy(() -> app.run().close())
                .hasStackTraceContaining("Invalid bokit.calendars.seaview.feeds.seaview-airbnb.url")
                .hasStackTraceContaining("?…")
                .satisfies(e -> assertThat(trace(e)).doesNotContain("AIRBNB-SECRET"));
    }

    @Test
    void aBadFeedIdFailsTheStartupNamingTheProperty() {
        TestApp app = TestApp.withDatabase(database).with("bokit.calendars.seaview.feeds.-airbnb.url", AIRBNB);

        assertThatThrownBy(() -> app.run().close())
                .hasStackTraceContaining("Invalid bokit.calendars.seaview.feeds.-airbnb")
                .satisfies(e -> assertThat(trace(e)).doesNotContain("AIRBNB-SECRET"));
    }

    @Test
    void aDefaultIntervalWithAFractionOfASecondFailsTheStartupInsteadOfBeingTruncated() {
        TestApp app = TestApp.withDatabase(database).with("bokit.default-interval", "1500ms");

        assertThatThrownBy(() -> app.run().close())
                .hasRootCauseInstanceOf(BokitConfigurationException.class)
                .hasRootCauseMessage("Invalid bokit.default-interval: 1500ms is not a whole number of seconds, "
                        + "which sync.interval takes");
        try (ApplicationContext context = TestApp.withDatabase(database).run()) {
            assertThat(context.getBean(Bokit.class)
                            .options()
                            .get("sync.interval")
                            .isDefault())
                    .isTrue();
        }
    }

    @Test
    void aFeedIdDeclaredUnderTwoCalendarsFailsTheStartupAndRegistersNothing() {
        TestApp app = TestApp.withDatabase(database)
                .with("bokit.calendars.seaview.feeds.airbnb.url", AIRBNB)
                .with("bokit.calendars.garden.feeds.airbnb.url", AIRBNB + "2");

        assertThatThrownBy(() -> app.run().close())
                .hasRootCauseInstanceOf(BokitConfigurationException.class)
                .hasRootCauseMessage("Invalid bokit.calendars.seaview.feeds.airbnb: feed id airbnb is declared twice,"
                        + " under bokit.calendars.garden.feeds and bokit.calendars.seaview.feeds: feed ids are unique"
                        + " across calendars")
                .satisfies(e -> assertThat(trace(e)).doesNotContain("AIRBNB-SECRET"));
        try (ApplicationContext context = TestApp.withDatabase(database).run()) {
            assertThat(context.getBean(Bokit.class).feeds().calendars()).isEmpty();
            assertThat(context.getBean(Bokit.class).feeds().feeds()).isEmpty();
        }
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
