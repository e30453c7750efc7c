package io.bokit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.FeedOutcome;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class EndToEndSyncTest {

    @Test
    void countsEveryBookingRowOfTheFourPhasesAndNoneWhenNothingChanged() {
        // given
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:e2e-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        EndToEndSync.Config config = new EndToEndSync.Config(12, 10, 3, 25, 2);

        // when
        List<EndToEndSync.Phase> phases;
        try (HeapWatcher heap = new HeapWatcher();
                EndToEndSync sync = new EndToEndSync(config, dataSource)) {
            phases = sync.run(heap);
        }

        // then
        EndToEndSync.Phase first = phases.get(0);
        assertThat(first.totals().created()).isEqualTo(120);
        assertThat(first.writes().bookingInserts()).isEqualTo(120);
        assertThat(first.writes().historyInserts()).isEqualTo(120);
        assertThat(first.bookingRowsStored()).isEqualTo(120);

        EndToEndSync.Phase notModified = phases.get(1);
        assertThat(notModified.fetches().notModified()).isEqualTo(12);
        assertThat(notModified.writes().bookingRows()).isZero();
        assertThat(notModified.writes().historyInserts()).isZero();

        EndToEndSync.Phase sameBody = phases.get(2);
        assertThat(sameBody.fetches().bodies()).isEqualTo(12);
        assertThat(sameBody.outcomes()).containsEntry(FeedOutcome.NOT_MODIFIED, 12);
        assertThat(sameBody.writes().bookingRows()).isZero();

        EndToEndSync.Phase changed = phases.get(3);
        assertThat(changed.outcomes()).containsEntry(FeedOutcome.SYNCED, 3);
        assertThat(changed.writes().bookingUpdates()).isEqualTo(3);
        assertThat(changed.writes().bookingInserts()).isZero();
        assertThat(changed.bookingRowsStored()).isEqualTo(120);
        assertThat(phases).allSatisfy(phase -> assertThat(phase.errors()).isZero());
    }

    @Test
    void movesTheLastCheckOutOneNightLater() {
        // given
        String feed = AirbnbFeedGenerator.generate(3, 7);
        int last = feed.lastIndexOf("DTEND;VALUE=DATE:");

        // when
        String moved = EndToEndSync.moveLastCheckOut(feed);

        // then
        assertThat(moved).hasSameSizeAs(feed).isNotEqualTo(feed);
        assertThat(moved.substring(0, last)).isEqualTo(feed.substring(0, last));
        LocalDate before = LocalDate.parse(feed.substring(last + 17, last + 25), DateTimeFormatter.BASIC_ISO_DATE);
        LocalDate after = LocalDate.parse(moved.substring(last + 17, last + 25), DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(after).isEqualTo(before.plusDays(1));
    }
}
