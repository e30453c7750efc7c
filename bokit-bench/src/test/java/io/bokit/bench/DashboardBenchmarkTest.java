package io.bokit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardBenchmarkTest {
    /**
     * The page's sections: the sync status (options, sync state, feeds), the calendars, the timeline's bookings, the
     * open double bookings, the exports and the history. One statement each, whatever the number of feeds.
     */
    private static final int SECTION_QUERIES = 8;

    @Test
    void oneRenderReadsEachSectionWithOneQueryWhateverTheNumberOfFeeds() {
        long small = statements(8, 40);
        long large = statements(40, 400);

        assertThat(large).as("statements per render, 40 feeds").isEqualTo(small);
        assertThat(small).as("statements per render, 8 feeds").isEqualTo(SECTION_QUERIES);
    }

    @Test
    void thePageShowsEveryFeedAndTheirStays() {
        DashboardBenchmark bench = bench(8, 40);
        try {
            String page = DashboardBenchmark.page(bench);

            assertThat(page)
                    .contains("8 feeds", "Calendar 0", "Calendar 1", "8 feeds, 40 created", "Guest 1-11")
                    .contains("1 double booking to resolve")
                    .doesNotContain("bench-secret", "Could not read");
        } finally {
            bench.stop();
        }
    }

    private static long statements(int feeds, int bookings) {
        DashboardBenchmark bench = bench(feeds, bookings);
        try {
            return DashboardBenchmark.statementsPerRender(bench);
        } finally {
            bench.stop();
        }
    }

    private static DashboardBenchmark bench(int feeds, int bookings) {
        DashboardBenchmark bench = new DashboardBenchmark();
        bench.feeds = feeds;
        bench.bookings = bookings;
        bench.fillTheStore();
        return bench;
    }
}
