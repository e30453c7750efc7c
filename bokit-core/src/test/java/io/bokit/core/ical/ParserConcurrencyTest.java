package io.bokit.core.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ParserConcurrencyTest {

    @Test
    void oneParserServesManyThreadsWithTheSameResults() throws Exception {
        // given one shared parser and the results of a sequential run
        ICalParser parser = new ICalParser();
        List<String> feeds = List.of(
                Fixtures.AIRBNB_OLD,
                Fixtures.AIRBNB_NEW,
                Fixtures.BOOKING_COM,
                Fixtures.AGODA,
                Fixtures.BEDS24,
                Fixtures.OWNERREZ,
                Fixtures.GOOGLE);
        List<ParsedFeed> expected =
                feeds.stream().map(f -> parser.parse(f, Fixtures.CONTEXT)).toList();

        // when every feed is parsed 50 times on 8 threads
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> checks = new ArrayList<>();
        try {
            for (int round = 0; round < 50; round++) {
                for (int k = 0; k < feeds.size(); k++) {
                    int index = k;
                    checks.add(pool.submit(() ->
                            parser.parse(feeds.get(index), Fixtures.CONTEXT).equals(expected.get(index))));
                }
            }

            // then
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
