package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What {@code bokit.default-interval}, {@code bokit.install-complete} and {@code bokit.calendars.*} do at
 * startup: seed only what the database lacks, and refuse a bad declaration naming its property.
 */
class StartupRegistrationTest {
    private static final String AIRBNB = "https://www.airbnb.com/calendar/ical/42.ics?s=secret-one";
    private static final String OTHER = "https://www.airbnb.com/calendar/ical/43.ics?s=secret-two";
    private static final String BOOKING = "https://admin.booking.com/hotel/ical/7.ics?t=secret-three";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, BokitAutoConfiguration.class))
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    @Test
    void installCompleteFalseIsStoredAsAValue() {
        runner.withPropertyValues("bokit.install-complete=false").run(context -> {
            Bokit bokit = context.getBean(Bokit.class);

            assertThat(bokit.options().get("install.complete").value()).isEqualTo("false");
            assertThat(bokit.options().get("install.complete").isDefault()).isFalse();
            assertThat(bokit.options().get("sync.interval").isDefault()).isTrue();
        });
    }

    @Test
    void storedValuesWinOverDefaultIntervalAndInstallComplete() {
        runner.run(context -> {
            Bokit bokit = context.getBean(Bokit.class);
            bokit.options().set("sync.interval", "300");
            bokit.options().set("install.complete", "false");
        });

        runner.withPropertyValues("bokit.default-interval=2h", "bokit.install-complete=true")
                .run(context -> {
                    Bokit bokit = context.getBean(Bokit.class);

                    assertThat(bokit.options().get("sync.interval").value()).isEqualTo("300");
                    assertThat(bokit.options().get("install.complete").value()).isEqualTo("false");
                });
    }

    @Test
    void aDefaultIntervalOfNoWholeSecondsFailsStartupNamingTheProperty() {
        runner.withPropertyValues("bokit.default-interval=1500ms").run(context -> assertThat(failure(context))
                .contains("Invalid bokit.default-interval: 1500ms is not a whole number of seconds"));
    }

    @Test
    void aDefaultIntervalOutOfRangeFailsStartupNamingTheProperty() {
        runner.withPropertyValues("bokit.default-interval=31d")
                .run(context -> assertThat(failure(context)).contains("Invalid bokit.default-interval: ", "2592000"));
    }

    @Test
    void declaredCalendarsAndFeedsAreRegisteredWithTheirDefaults() {
        runner.withPropertyValues(
                        "bokit.calendars.seaview.name=Sea View Apartment",
                        "bokit.calendars.seaview.zone=Europe/Lisbon",
                        "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + AIRBNB,
                        "bokit.calendars.seaview.feeds.seaview-airbnb.name=Airbnb",
                        "bokit.calendars.seaview.feeds.seaview-booking.url=" + BOOKING,
                        "bokit.calendars.garden.feeds.garden-airbnb.url=" + OTHER)
                .run(context -> {
                    Bokit bokit = context.getBean(Bokit.class);

                    assertThat(bokit.feeds().calendars())
                            .extracting(Calendar::key, Calendar::name, calendar -> calendar.zone()
                                    .getId())
                            .containsExactlyInAnyOrder(
                                    tuple(CalendarKey.of("seaview"), "Sea View Apartment", "Europe/Lisbon"),
                                    // no name: the key; no zone: the timezone option's default
                                    tuple(CalendarKey.of("garden"), "garden", "UTC"));
                    assertThat(feed(bokit, "seaview-airbnb").name()).isEqualTo("Airbnb");
                    assertThat(feed(bokit, "seaview-airbnb").url()).isEqualTo(FeedUrl.parse(AIRBNB));
                    assertThat(feed(bokit, "seaview-airbnb").calendar()).isEqualTo(CalendarKey.of("seaview"));
                    // no name: the feed id, never the URL's host
                    assertThat(feed(bokit, "seaview-booking").name()).isEqualTo("seaview-booking");
                    assertThat(feed(bokit, "garden-airbnb").calendar()).isEqualTo(CalendarKey.of("garden"));
                });
    }

    @Test
    void whatTheDatabaseHasIsLeftAloneAndOnlyMissingOnesAreAdded() {
        runner.withPropertyValues(
                        "bokit.calendars.seaview.name=Sea View",
                        "bokit.calendars.seaview.zone=Europe/Lisbon",
                        "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + AIRBNB,
                        "bokit.calendars.seaview.feeds.seaview-airbnb.name=Airbnb")
                .run(context -> assertThat(context).hasNotFailed());

        runner.withPropertyValues(
                        "bokit.calendars.seaview.name=Renamed",
                        "bokit.calendars.seaview.zone=Europe/Paris",
                        "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + OTHER,
                        "bokit.calendars.seaview.feeds.seaview-airbnb.name=Renamed feed",
                        "bokit.calendars.seaview.feeds.seaview-booking.url=" + BOOKING)
                .run(context -> {
                    Bokit bokit = context.getBean(Bokit.class);

                    assertThat(bokit.feeds().calendars()).singleElement().satisfies(calendar -> {
                        assertThat(calendar.name()).isEqualTo("Sea View");
                        assertThat(calendar.zone().getId()).isEqualTo("Europe/Lisbon");
                    });
                    assertThat(bokit.feeds().feeds()).hasSize(2);
                    assertThat(feed(bokit, "seaview-airbnb").url()).isEqualTo(FeedUrl.parse(AIRBNB));
                    assertThat(feed(bokit, "seaview-airbnb").name()).isEqualTo("Airbnb");
                    assertThat(feed(bokit, "seaview-booking").url()).isEqualTo(FeedUrl.parse(BOOKING));
                });
    }

    @Test
    void aDeclaredFeedWithoutUrlFailsStartupNamingTheProperty() {
        runner.withPropertyValues("bokit.calendars.seaview.feeds.seaview-airbnb.name=Airbnb")
                .run(context -> assertThat(failure(context))
                        .contains("Invalid bokit.calendars.seaview.feeds.seaview-airbnb.url: is missing"));
    }

    @Test
    void aBadZoneFailsStartupNamingTheProperty() {
        runner.withPropertyValues("bokit.calendars.seaview.zone=Europe/Atlantis")
                .run(context -> assertThat(failure(context))
                        .contains("Invalid bokit.calendars.seaview.zone: ", "Europe/Atlantis"));
    }

    @Test
    void aBadFeedUrlFailsStartupNamingThePropertyWithTheUrlMasked() {
        runner.withPropertyValues(
                        "bokit.calendars.seaview.feeds.seaview-airbnb.url=ftp://files.example.com/a.ics?k=secret")
                .run(context -> assertThat(failure(context))
                        .contains("Invalid bokit.calendars.seaview.feeds.seaview-airbnb.url: ", "files.example.com")
                        .doesNotContain("secret"));
    }

    @Test
    void aBadFeedIdFailsStartupNamingTheProperty() {
        runner.withPropertyValues("bokit.calendars.seaview.feeds[-airbnb].url=" + AIRBNB)
                .run(context -> assertThat(failure(context))
                        .contains("Invalid bokit.calendars.seaview.feeds.-airbnb: ", "Invalid feed id")
                        .doesNotContain("secret"));
    }

    @Test
    void aFeedIdDeclaredUnderTwoCalendarsFailsStartup() {
        runner.withPropertyValues(
                        "bokit.calendars.seaview.feeds.shared.url=" + AIRBNB,
                        "bokit.calendars.garden.feeds.shared.url=" + OTHER)
                .run(context -> assertThat(failure(context))
                        .contains("shared", "bokit.calendars.seaview.feeds", "bokit.calendars.garden.feeds"));
    }

    @Test
    void aBadDeclarationFailsBeforeAnythingIsWritten() {
        runner.withPropertyValues(
                        "bokit.default-interval=10m",
                        "bokit.install-complete=true",
                        "bokit.calendars.seaview.feeds.seaview-airbnb.url=" + AIRBNB,
                        "bokit.calendars.garden.zone=Nowhere/Atlantis")
                .run(context -> assertThat(context).hasFailed());

        runner.run(context -> {
            Bokit bokit = context.getBean(Bokit.class);

            assertThat(bokit.feeds().calendars()).isEmpty();
            assertThat(bokit.options().get("sync.interval").isDefault()).isTrue();
            assertThat(bokit.options().get("install.complete").isDefault()).isTrue();
        });
    }

    private static Feed feed(Bokit bokit, String id) {
        return bokit.feeds().feed(FeedId.of(id));
    }

    /** The startup failure's messages, outermost to root. */
    private static String failure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
