package io.bokit.example.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.in.SyncCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example serves each calendar's export over HTTP, and a parser that is not bokit's (biweekly) reads it. */
class ExportParsesTest {

    @Test
    void theServedExportParsesInAnIndependentParser() throws Exception {
        int port = freePort();
        // a database of its own: the example's in-memory H2 name is shared by every context of this JVM
        try (ApplicationContext app = Micronaut.build(
                        "-micronaut.server.port=" + port,
                        "-datasources.default.url=jdbc:h2:mem:export-" + java.util.UUID.randomUUID()
                                + ";DB_CLOSE_DELAY=-1")
                .mainClass(Application.class)
                .banner(false)
                .start()) {
            Bokit bokit = app.getBean(Bokit.class);
            bokit.sync().sync(SyncCommand.forceAll());
            // an export of the Garden Studio for a channel bokit does not import: every stay of the calendar
            String path = bokit.exportLinks()
                    .add(new AddExportCommand(CalendarKey.of("garden"), null, false))
                    .path("/bokit/ical");

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
            assertThat(calendar.getEvents())
                    .hasSize(bokit.export()
                            .export(ExportCommand.of(CalendarKey.of("garden")))
                            .events());
        }
    }

    private static void isAnAllDayStay(VEvent event) {
        assertThat(event.getDateStart().getValue().hasTime()).isFalse();
        assertThat(event.getDateEnd().getValue()).isAfter(event.getDateStart().getValue());
        assertThat(event.getSummary().getValue()).isEqualTo("Not available");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
