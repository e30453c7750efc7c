package io.bokit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportBenchmarkTest {

    @Test
    void onlyTheColdBodyReadsBookingsAndEveryKindAnswers() {
        ExportBenchmark bench = new ExportBenchmark();
        bench.bookings = 200;
        bench.fillTheStore();
        try {
            long[] reads = ExportBenchmark.readsPerRequest(bench);

            assertThat(reads[0]).as("cold body").isPositive();
            assertThat(reads[1]).as("cached 200").isZero();
            assertThat(reads[2]).as("304").isZero();
            assertThat(bench.notModified304()).isEqualTo(304);
            assertThat(bench.cached200()).isEqualTo(bench.coldBody()).isGreaterThan(200 * 50);
        } finally {
            bench.stop();
        }
    }
}
