package io.bokit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.BookingStatus;
import io.bokit.core.ical.ICalParser;
import io.bokit.core.ical.ParseContext;
import io.bokit.core.ical.ParsedFeed;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three writers of {@link ExportWriteBenchmark} write the same events (a sanity test; the benchmark is not run). */
class ExportWriteBenchmarkTest {
    final ExportWriteBenchmark bench = new ExportWriteBenchmark();

    record Stay(String uid, LocalDate checkIn, LocalDate checkOut, BookingStatus status) {}

    static List<Stay> read(String body) {
        ParsedFeed feed =
                new ICalParser().parse(body, ParseContext.of(ZoneId.of("Europe/Paris"), LocalDate.of(2026, 1, 1)));
        assertThat(feed.skipped()).isZero();
        return feed.events().stream()
                .map(event -> new Stay(
                        event.key().uid(),
                        event.data().checkIn(),
                        event.data().checkOut(),
                        event.data().status()))
                .toList();
    }

    @Test
    void bokitIcal4jAndBiweeklyWriteTheSameStays() throws IOException {
        bench.events = 300;
        bench.makeEvents();

        List<Stay> bokit = read(bench.bokit());

        assertThat(bokit).hasSize(300);
        assertThat(bokit).extracting(Stay::status).contains(BookingStatus.CONFIRMED, BookingStatus.UNAVAILABLE);
        assertThat(read(bench.ical4j())).containsExactlyInAnyOrderElementsOf(bokit);
        assertThat(read(bench.biweekly())).containsExactlyInAnyOrderElementsOf(bokit);
        assertThat(bench.ical4j()).contains("X-WR-CALNAME:Sea View", "TRANSP:OPAQUE", "DTSTART;VALUE=DATE:20260101");
        assertThat(bench.biweekly()).contains("X-WR-CALNAME:Sea View", "TRANSP:OPAQUE", "DTSTART;VALUE=DATE:20260101");
    }
}
