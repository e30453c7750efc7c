package io.bokit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Every parser of {@link ParseBenchmark} reads every event of the same feed (a sanity test; the benchmark is not run). */
class ParseBenchmarkTest {

    @Test
    void bokitIcal4jAndBiweeklyReadEveryEventOfTheFeed() throws Exception {
        ParseBenchmark bench = new ParseBenchmark();
        bench.events = 250;
        bench.generateFeed();
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

        assertThat(bench.scanBaseline()).isEqualTo(250);
        assertThat(bench.bokit().eventsSeen()).isEqualTo(250);
        assertThat(bench.ical4jCalendarBuilder(blackhole)).isEqualTo(250);
        assertThat(bench.biweekly(blackhole)).isEqualTo(250);
    }
}
