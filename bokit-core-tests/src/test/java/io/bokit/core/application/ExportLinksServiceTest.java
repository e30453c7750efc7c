package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.ExportToken;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.IssuedExport;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryExportLinks;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ExportLinksService} through {@link Bokit}: tokens issued once, stored as hashes, rotated and removed. */
class ExportLinksServiceTest {
    private static final CalendarKey SEAVIEW = CalendarKey.of("seaview");
    private static final CalendarKey GARDEN = CalendarKey.of("garden");
    private static final FeedId AIRBNB = FeedId.of("seaview-airbnb");

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final InMemoryExportLinks.Store links = new InMemoryExportLinks.Store();
    private final Bokit bokit = Bokit.builder()
            .options(new InMemoryOptions())
            .syncState(new InMemorySyncState())
            .catalog(new InMemoryFeedCatalog())
            .bookings(new InMemoryBookingStore())
            .exportLinks(new InMemoryExportLinks(links))
            .fetcher(new InMemoryFeedSource())
            .clock(clock)
            .runExecutor(Runnable::run)
            .build();

    ExportLinksServiceTest() {
        bokit.feeds().addCalendar(new AddCalendarCommand(SEAVIEW, "Sea view", ZoneId.of("Europe/Paris")));
        bokit.feeds().addCalendar(new AddCalendarCommand(GARDEN, "Garden room", ZoneId.of("Europe/Paris")));
        bokit.feeds()
                .addFeed(new AddFeedCommand(
                        SEAVIEW, AIRBNB, FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=x"), null));
    }

    @Test
    void addIssuesARandomUrlSafeTokenOfAtLeast128BitsThatOpensTheExport() {
        // when
        IssuedExport issued = bokit.exportLinks().add(new AddExportCommand(SEAVIEW, AIRBNB, false));

        // then
        String token = issued.token().reveal();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(issued.link().calendar()).isEqualTo(SEAVIEW);
        assertThat(issued.link().target()).isEqualTo(AIRBNB);
        assertThat(issued.link().created()).isEqualTo(clock.now());
        assertThat(bokit.exportLinks().resolve(token)).contains(issued.link());
        assertThat(issued.path("/bokit/ical")).isEqualTo("/bokit/ical/" + token + ".ics");
    }

    @Test
    void everyTokenIsNew() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(bokit.exportLinks()
                    .add(new AddExportCommand(SEAVIEW, null, false))
                    .token()
                    .reveal());
        }
        assertThat(tokens).hasSize(50);
        assertThat(bokit.exportLinks().list()).extracting(ExportLink::id).doesNotHaveDuplicates();
    }

    @Test
    void theStoreAndTheListKeepOnlyAHashAndAMaskedHint() {
        // given
        IssuedExport issued = bokit.exportLinks().add(new AddExportCommand(SEAVIEW, null, false));
        String token = issued.token().reveal();

        // then nothing listed or stored holds the token
        ExportLink listed = bokit.exportLinks().list().get(0);
        assertThat(listed.toString()).doesNotContain(token);
        assertThat(listed.tokenHint()).isEqualTo(token.substring(0, 4) + "…");
        assertThat(issued.token().toString()).isEqualTo(listed.tokenHint());
        assertThat(listed.tokenHash()).isEqualTo(issued.token().hash());
    }

    @Test
    void rotateReplacesTheTokenAndTheOldOneNoLongerOpensTheExport() {
        // given
        IssuedExport first = bokit.exportLinks().add(new AddExportCommand(SEAVIEW, null, true));
        clock.advance(Duration.ofDays(1));

        // when
        IssuedExport second = bokit.exportLinks().rotate(first.link().id());

        // then
        assertThat(bokit.exportLinks().resolve(first.token().reveal())).isEmpty();
        assertThat(bokit.exportLinks().resolve(second.token().reveal())).contains(second.link());
        assertThat(second.link().id()).isEqualTo(first.link().id());
        assertThat(second.link().guestNames()).isTrue();
        assertThat(second.link().rotated()).isEqualTo(clock.now());
        assertThat(second.link().created()).isEqualTo(first.link().created());
    }

    @Test
    void removeClosesTheExport() {
        IssuedExport issued = bokit.exportLinks().add(new AddExportCommand(SEAVIEW, null, false));

        assertThat(bokit.exportLinks().remove(issued.link().id())).isTrue();

        assertThat(bokit.exportLinks().resolve(issued.token().reveal())).isEmpty();
        assertThat(bokit.exportLinks().list()).isEmpty();
        assertThat(bokit.exportLinks().remove(issued.link().id())).isFalse();
    }

    @Test
    void aMalformedOrUnknownTokenOpensNothing() {
        bokit.exportLinks().add(new AddExportCommand(SEAVIEW, null, false));

        assertThat(bokit.exportLinks().resolve(null)).isEmpty();
        assertThat(bokit.exportLinks().resolve("")).isEmpty();
        assertThat(bokit.exportLinks().resolve("../../etc/passwd")).isEmpty();
        assertThat(bokit.exportLinks().resolve("a".repeat(43))).isEmpty();
    }

    @Test
    void refusesAnUnknownCalendarAFeedOfAnotherCalendarAndAnUnknownExport() {
        assertThatThrownBy(() -> bokit.exportLinks().add(new AddExportCommand(CalendarKey.of("nope"), null, false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown calendar nope");
        assertThatThrownBy(() -> bokit.exportLinks().add(new AddExportCommand(GARDEN, AIRBNB, false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("belongs to calendar seaview");
        assertThatThrownBy(() -> bokit.exportLinks().rotate(ExportId.of("x0")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown export x0");
        assertThat(bokit.exportLinks().list()).isEmpty();
    }

    @Test
    void aTokenNeverShowsItselfInItsTextNorInItsErrors() {
        ExportToken token = ExportToken.of(new byte[32]);

        assertThat(token.toString()).isEqualTo("AAAA…");
        assertThatThrownBy(() -> new ExportToken("short-secret!"))
                .isInstanceOf(InvalidInputException.class)
                .message()
                .doesNotContain("short-secret");
        assertThatThrownBy(() -> ExportToken.of(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThat(token.hash().matches(token)).isTrue();
        assertThat(token.hash().matches(ExportToken.of(new byte[16]))).isFalse();
    }
}
