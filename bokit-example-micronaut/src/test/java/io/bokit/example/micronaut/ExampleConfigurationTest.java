package io.bokit.example.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.Feed;
import io.bokit.host.dashboard.DashboardGuard;
import io.bokit.host.dashboard.DashboardRequest;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example's {@code application.properties} as the app reads them at startup (no server started). */
class ExampleConfigurationTest {

    @Test
    void registersBothDemoCalendarsWithTheirNamedFeedsAndTurnsSyncsOn() {
        try (ApplicationContext context = ApplicationContext.run()) {
            Bokit bokit = context.getBean(Bokit.class);

            assertThat(bokit.feeds().calendars())
                    .extracting(calendar -> calendar.key().value(), Calendar::name, Calendar::zone)
                    .containsExactlyInAnyOrder(
                            tuple("seaview", "Sea View Apartment", ZoneId.of("Europe/Paris")),
                            tuple("garden", "Garden Studio", ZoneId.of("Europe/Paris")));
            assertThat(bokit.feeds().feeds())
                    .extracting(feed -> feed.id().value(), Feed::name, feed -> feed.url()
                            .masked())
                    .containsExactlyInAnyOrder(
                            tuple("seaview-airbnb", "Airbnb", "http://127.0.0.1:8080/demo/seaview-airbnb.ics"),
                            tuple("garden-booking", "Booking.com", "http://127.0.0.1:8080/demo/garden-booking.ics"));
            assertThat(bokit.options().current().installComplete()).isTrue();
            assertThat(bokit.options().current().syncInterval()).isEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void thePageIsOffAndHasNoGuardUnlessAPasswordIsSet() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getProperty("bokit.dashboard.enabled", Boolean.class))
                    .contains(false);
            assertThat(context.findBean(DashboardGuard.class)).isEmpty();
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of("example.dashboard.password", "pw"))) {
            DashboardGuard guard = context.getBean(DashboardGuard.class);
            String good = "Basic " + Base64.getEncoder().encodeToString("host:pw".getBytes(StandardCharsets.UTF_8));
            String bad = "Basic " + Base64.getEncoder().encodeToString("host:pW".getBytes(StandardCharsets.UTF_8));

            assertThat(guard.check(request(good))).isEqualTo(DashboardGuard.Access.allowed("host"));
            assertThat(guard.check(request(bad))).isInstanceOfSatisfying(DashboardGuard.Refused.class, refused -> {
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.headers()).containsKey("WWW-Authenticate");
            });
            assertThat(guard.check(request(null))).isInstanceOf(DashboardGuard.Refused.class);
        }
    }

    private static DashboardRequest request(String authorization) {
        return new DashboardRequest(
                "GET",
                "/bokit",
                "",
                null,
                null,
                null,
                name -> name.equals("Authorization") ? authorization : null,
                null);
    }
}
