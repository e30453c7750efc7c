package io.bokit.example;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.host.BokitHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The example serves each calendar's export over HTTP, and a parser that is not bokit's (biweekly) reads it. */
class ExportParsesTest {

    @Test
    void theServedExportParsesInAnIndependentParser() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ExampleApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run(
                        "--server.port=" + port,
                        "--spring.datasource.url=jdbc:h2:mem:export-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            Bokit bokit = app.getBean(Bokit.class);
            BokitHost host = app.getBean(BokitHost.class);
            bokit.sync().sync(SyncCommand.forceAll());
            String path = bokit.exportLinks()
                    .add(new AddExportCommand(CalendarKey.of("seaview"), FeedId.of("seaview-airbnb"), false))
                    .path(host.exports().path());

            HttpResponse<String> served = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                    .isEqualTo("text/calendar;charset=utf-8");
            List<List<ParseWarning>> warnings = new ArrayList<>();
            ICalendar calendar =
                    Biweekly.parse(served.body()).warnings(warnings).first();
            assertThat(warnings).allSatisfy(list -> assertThat(list).isEmpty());
            assertThat(calendar.getEvents()).isNotEmpty().allSatisfy(ExportParsesTest::isAnAllDayStay);
            // as many events as bokit's own export use case writes for that channel (the other channel's stays)
            assertThat(calendar.getEvents())
                    .hasSize(bokit.export()
                            .export(ExportCommand.forFeed(CalendarKey.of("seaview"), FeedId.of("seaview-airbnb")))
                            .events());
        }
    }

    private static void isAnAllDayStay(VEvent event) {
        assertThat(event.getDateStart().getValue().hasTime()).isFalse();
        assertThat(event.getDateEnd().getValue()).isAfter(event.getDateStart().getValue());
        assertThat(event.getSummary().getValue()).isEqualTo("Not available");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
