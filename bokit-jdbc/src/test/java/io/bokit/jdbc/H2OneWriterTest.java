package io.bokit.jdbc;

import static io.bokit.testkit.Fixtures.booking;
import static io.bokit.testkit.Fixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.port.out.BookingStorePort;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On H2 one process writes one feed's change set at a time: a second feed waits for the first's transaction. */
class H2OneWriterTest {
    private static final String PREFIX = "bokit_";
    private static final Instant NOW = Instant.parse("2030-06-01T10:00:00Z");

    private final TestDatabase database = TestDatabase.h2Memory();
    private final CountDownLatch firstInsertReached = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final AtomicInteger transactionsOpened = new AtomicInteger();

    @AfterEach
    void close() {
        releaseFirst.countDown();
        database.close();
    }

    @Test
    void aSecondFeedsChangeSetWaitsUntilTheFirstIsCommitted() throws Exception {
        // given a store whose first insert is held inside its transaction
        database.initialize(PREFIX);
        DataSource holding = DataSources.holdingFirst(
                database.dataSource(),
                "INSERT INTO " + PREFIX + "booking ",
                firstInsertReached,
                releaseFirst,
                transactionsOpened);
        BookingStorePort store = BokitJdbc.builder(holding)
                .tablePrefix(PREFIX)
                .initialize(InitializeMode.NEVER)
                .build()
                .bookingStore();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> store.apply(newBooking("seaview-airbnb")));
        assertThat(firstInsertReached.await(30, TimeUnit.SECONDS)).isTrue();

        // when another feed's change set comes while the first transaction is open
        Thread[] secondThread = new Thread[1];
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            secondThread[0] = Thread.currentThread();
            store.apply(newBooking("seaview-vrbo"));
        });

        // then it waits without opening a transaction of its own
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((secondThread[0] == null || secondThread[0].getState() != Thread.State.WAITING)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(secondThread[0].getState()).isEqualTo(Thread.State.WAITING);
        assertThat(transactionsOpened).hasValue(1);

        // and once the first commits, the second is written too
        releaseFirst.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(transactionsOpened).hasValue(2);
        assertThat(store.loadFeedBookings(FeedId.of("seaview-vrbo"))).hasSize(1);
    }

    private static FeedChangeSet newBooking(String feed) {
        Booking stay = booking("seaview", feed, "stay", LocalDate.of(2030, 7, 1), LocalDate.of(2030, 7, 5));
        return new FeedChangeSet(
                FeedId.of(feed), List.of(stay), List.of(), List.of(change(NOW, stay, ChangeKind.CREATED)));
    }
}
