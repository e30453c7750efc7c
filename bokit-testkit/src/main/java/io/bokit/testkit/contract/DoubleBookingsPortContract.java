package io.bokit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.Overlap;
import io.bokit.core.port.out.DoubleBookingsPort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link DoubleBookingsPort}. To run it against an implementation, extend it and implement
 * {@link #newStore()}: empty the store, then return a supplier of new port instances over it, e.g. {@code var store
 * = new InMemoryDoubleBookings.Store(); return () -> new InMemoryDoubleBookings(store);}.
 */
public abstract class DoubleBookingsPortContract extends PortContract<DoubleBookingsPort> {
    private static final CalendarKey SEAVIEW = CalendarKey.of("seaview");
    private static final CalendarKey HILLTOP = CalendarKey.of("hilltop");

    private static BookingRef ref(String feed, String uid) {
        return new BookingRef(FeedId.of(feed), BookingKey.of(uid));
    }

    private static Overlap overlap(CalendarKey calendar, String firstUid, int fromDay, int toDay) {
        return new Overlap(
                calendar,
                ref("airbnb", firstUid),
                ref("booking", "b-" + firstUid),
                LocalDate.of(2025, 7, fromDay),
                LocalDate.of(2025, 7, toDay));
    }

    private final Overlap july = overlap(SEAVIEW, "hm1", 3, 5);
    private final Overlap august = new Overlap(
            SEAVIEW,
            new BookingRef(FeedId.local(), new BookingKey("web-1", "2025-08-01T10:00:00Z")),
            ref("vrbo", "v9"),
            LocalDate.of(2025, 8, 1),
            LocalDate.of(2025, 8, 2));

    @Test
    void listsNothingFromEmptyStore() {
        assertThat(port().listOpen(null)).isEmpty();
        assertThat(port().recent(10)).isEmpty();
    }

    @Test
    void listsOpenedRecordWithEveryValue() {
        // when
        boolean opened = port().open(august, clock().now());

        // then
        assertThat(opened).isTrue();
        assertThat(port().listOpen(null)).containsExactly(DoubleBooking.opened(august, clock().now()));
        assertThat(port().listOpen(SEAVIEW)).containsExactly(DoubleBooking.opened(august, clock().now()));
        assertThat(port().recent(1)).containsExactly(DoubleBooking.opened(august, clock().now()));
    }

    @Test
    void opensAnOverlapOnlyOnceWhileOpen() {
        // given
        port().open(july, clock().now());
        clock().advance(Duration.ofMinutes(5));

        // when
        boolean again = newInstance().open(july, clock().now());

        // then
        assertThat(again).isFalse();
        assertThat(port().listOpen(null)).extracting(DoubleBooking::foundAt).containsExactly(START);
    }

    @Test
    void closesOpenRecordAndKeepsItInRecent() {
        // given
        port().open(july, clock().now());
        clock().advance(Duration.ofHours(1));

        // when
        boolean closed = port().close(july, clock().now());

        // then
        assertThat(closed).isTrue();
        assertThat(port().listOpen(null)).isEmpty();
        assertThat(port().recent(10)).containsExactly(new DoubleBooking(july, START, START.plus(Duration.ofHours(1))));
    }

    @Test
    void closesNothingThatIsNotOpen() {
        // given
        port().open(july, clock().now());
        port().close(july, clock().now());

        // when / then
        assertThat(port().close(july, clock().now())).isFalse();
        assertThat(port().close(august, clock().now())).isFalse();
        assertThat(port().recent(10)).hasSize(1);
    }

    @Test
    void opensAgainAfterClosingKeepingBothInTheHistory() {
        // given
        port().open(july, clock().now());
        clock().advance(Duration.ofHours(1));
        port().close(july, clock().now());
        clock().advance(Duration.ofHours(1));

        // when
        boolean reopened = port().open(july, clock().now());

        // then
        assertThat(reopened).isTrue();
        assertThat(port().listOpen(null)).extracting(DoubleBooking::foundAt).containsExactly(START.plusSeconds(7200));
        assertThat(port().recent(10))
                .extracting(DoubleBooking::open)
                .as("newest first")
                .containsExactly(true, false);
    }

    @Test
    void listsOpenRecordsByCalendarThenFirstNight() {
        // given
        Overlap hilltop = overlap(HILLTOP, "hm7", 20, 22);
        Overlap early = overlap(SEAVIEW, "hm0", 1, 2);
        port().open(august, clock().now());
        port().open(hilltop, clock().now());
        port().open(july, clock().now());
        port().open(early, clock().now());

        // when / then
        assertThat(port().listOpen(null))
                .extracting(DoubleBooking::overlap)
                .containsExactly(hilltop, early, july, august);
        assertThat(port().listOpen(SEAVIEW)).extracting(DoubleBooking::overlap).containsExactly(early, july, august);
        assertThat(port().listOpen(CalendarKey.of("nowhere"))).isEmpty();
    }

    @Test
    void listsRecentNewestFirstUpToTheLimit() {
        // given
        port().open(july, clock().now());
        clock().advance(Duration.ofMinutes(1));
        port().open(august, clock().now());
        clock().advance(Duration.ofMinutes(1));
        Overlap hilltop = overlap(HILLTOP, "hm7", 20, 22);
        port().open(hilltop, clock().now());
        port().close(july, clock().now());

        // when / then
        assertThat(port().recent(2)).extracting(DoubleBooking::overlap).containsExactly(hilltop, august);
        assertThat(port().recent(10)).extracting(DoubleBooking::overlap).containsExactly(hilltop, august, july);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> port().recent(0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void keepsOneOpenRecordWhenInstancesOpenTheSameOverlapAtOnce() throws Exception {
        // given
        int threads = 4;
        StartGate gate = new StartGate(threads, () -> {});
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            DoubleBookingsPort instance = newInstance();
            Instant at = clock().now();
            calls.add(() -> {
                gate.await(0);
                return instance.open(july, at);
            });
        }

        // when
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Boolean> results = new ArrayList<>();
        try {
            for (Future<Boolean> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(results).containsOnlyOnce(true);
        assertThat(port().listOpen(null)).hasSize(1);
    }
}
