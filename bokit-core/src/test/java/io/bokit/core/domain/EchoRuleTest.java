package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EchoRule}: a channel never sees its own bookings come back, and an echo is never passed on. */
class EchoRuleTest {
    private static final CalendarKey SEAVIEW = CalendarKey.of("seaview");
    private static final FeedId AIRBNB = FeedId.of("airbnb");
    private static final FeedId BOOKING = FeedId.of("booking");
    private static final FeedId VRBO = FeedId.of("vrbo");

    private final List<Booking> bookings = new ArrayList<>();
    private final Map<Booking, Instant> firstSeen = new HashMap<>();
    private final Map<Booking, Instant> lastChanged = new HashMap<>();
    private final Map<Booking, List<EchoRule.FormerDates>> formerDates = new HashMap<>();
    private Duration lag = Duration.ZERO;
    private final EchoRule.Times times = new EchoRule.Times() {
        @Override
        public Instant firstSeen(Booking booking) {
            return firstSeen.get(booking);
        }

        @Override
        public Instant lastChanged(Booking booking) {
            return lastChanged.get(booking);
        }

        @Override
        public List<EchoRule.FormerDates> formerDates(Booking booking) {
            return formerDates.getOrDefault(booking, List.of());
        }

        @Override
        public Duration lag() {
            return lag;
        }
    };

    @Test
    void blockCopiedFromAReservationUnderARewrittenUidLeavesEveryExport() {
        // given: Airbnb's reservation, and Booking.com's copy of bokit's export of it (its own UID, "CLOSED")
        Booking stay = add(AIRBNB, "HM1@airbnb.com", BookingStatus.CONFIRMED, "2026-06-01", "2026-06-05");
        Booking echo = add(BOOKING, "9f3c1@booking.com", BookingStatus.UNAVAILABLE, "2026-06-01", "2026-06-05");

        // then
        assertThat(EchoRule.echoes(bookings, times)).containsExactly(echo);
        assertThat(exported(AIRBNB)).isEmpty();
        assertThat(exported(BOOKING)).containsExactly(stay);
        assertThat(exported(VRBO)).containsExactly(stay);
        assertThat(exported(null)).containsExactly(stay);
    }

    @Test
    void readsNoHistoryForCopiesOfStaysNorForASingleFeedsBlocks() {
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-06-01", "2026-06-05");
        add(BOOKING, "copy-1", BookingStatus.UNAVAILABLE, "2026-06-01", "2026-06-05");
        add(VRBO, "copy-2", BookingStatus.BLOCKED, "2026-06-01", "2026-06-05");
        add(BOOKING, "own", BookingStatus.UNAVAILABLE, "2026-07-01", "2026-07-05");
        EchoRule.Times failing = new EchoRule.Times() {
            @Override
            public Instant firstSeen(Booking booking) {
                throw new AssertionError("firstSeen read for " + booking.key());
            }

            @Override
            public Instant lastChanged(Booking booking) {
                throw new AssertionError("lastChanged read for " + booking.key());
            }
        };

        assertThat(EchoRule.echoes(bookings, failing))
                .extracting(b -> b.key().uid())
                .containsExactlyInAnyOrder("copy-1", "copy-2");
    }

    @Test
    void aCalendarOfOneFeedReadsNoHistoryAtAllForItsBlocks() {
        // one channel's stays and its own blocks: no other feed could hold the original of a block
        add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-06-01", "2026-06-05");
        add(AIRBNB, "closed", BookingStatus.UNAVAILABLE, "2026-07-01", "2026-07-05");
        add(AIRBNB, "moved-here", BookingStatus.CONFIRMED, "2026-08-01", "2026-08-05");
        EchoRule.Times failing = new EchoRule.Times() {
            @Override
            public Instant firstSeen(Booking booking) {
                throw new AssertionError("firstSeen read for " + booking.key());
            }

            @Override
            public Instant lastChanged(Booking booking) {
                throw new AssertionError("lastChanged read for " + booking.key());
            }

            @Override
            public List<EchoRule.FormerDates> formerDates(Booking booking) {
                throw new AssertionError("former dates read for " + booking.key());
            }
        };

        assertThat(EchoRule.echoes(bookings, failing)).isEmpty();
        assertThat(EchoRule.exported(bookings, null, failing)).hasSize(3);
    }

    @Test
    void bothChannelsHoldingEachOthersCopiesSeeOnlyTheOtherOriginal() {
        Booking airbnbStay = add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-06-01", "2026-06-05");
        Booking bookingStay = add(BOOKING, "B1", BookingStatus.CONFIRMED, "2026-07-10", "2026-07-14");
        add(BOOKING, "copy-of-HM1", BookingStatus.UNAVAILABLE, "2026-06-01", "2026-06-05");
        add(AIRBNB, "copy-of-B1", BookingStatus.UNAVAILABLE, "2026-07-10", "2026-07-14");

        assertThat(exported(AIRBNB)).containsExactly(bookingStay);
        assertThat(exported(BOOKING)).containsExactly(airbnbStay);
        assertThat(exported(VRBO)).containsExactly(airbnbStay, bookingStay);
    }

    @Test
    void anEchoNeverSuppressesTheOriginalEvenWhenSeenFirst() {
        // a stay is always an original: a block with its dates elsewhere is the copy, whatever the times say
        Booking block = add(AIRBNB, "A", BookingStatus.BLOCKED, "2026-06-01", "2026-06-05");
        Booking stay = add(BOOKING, "B", BookingStatus.UNDEFINED, "2026-06-01", "2026-06-05");
        firstSeen.put(block, Instant.parse("2026-01-01T00:00:00Z"));
        firstSeen.put(stay, Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(EchoRule.echoes(bookings, times)).containsExactly(block);
        assertThat(exported(AIRBNB)).containsExactly(stay);
        assertThat(exported(VRBO)).containsExactly(stay);
    }

    @Test
    void ofTwoBlocksWithTheSameDatesTheOneSeenFirstIsTheOriginal() {
        // the host closed dates on Booking.com; Airbnb's "Not available" block is its copy, under a UID that sorts
        // first
        Booking copy = add(AIRBNB, "aaa", BookingStatus.UNAVAILABLE, "2026-08-01", "2026-08-08");
        Booking original = add(BOOKING, "zzz", BookingStatus.UNAVAILABLE, "2026-08-01", "2026-08-08");
        firstSeen.put(original, Instant.parse("2026-04-01T10:00:00Z"));
        firstSeen.put(copy, Instant.parse("2026-04-01T13:00:00Z"));

        assertThat(EchoRule.echoes(bookings, times)).containsExactly(copy);
        assertThat(exported(AIRBNB)).containsExactly(original);
        assertThat(exported(BOOKING)).isEmpty();
        assertThat(exported(VRBO)).containsExactly(original);
    }

    @Test
    void withoutTimesCompetingBlocksAreOrderedByFeedIdThenKey() {
        Booking first = add(AIRBNB, "x", BookingStatus.UNAVAILABLE, "2026-08-01", "2026-08-08");
        Booking second = add(BOOKING, "x", BookingStatus.BLOCKED, "2026-08-01", "2026-08-08");

        assertThat(EchoRule.echoes(bookings, EchoRule.Times.unknown())).containsExactly(second);
        assertThat(EchoRule.exported(bookings, VRBO, EchoRule.Times.unknown())).containsExactly(first);
    }

    @Test
    void blocksOfTheOriginalsOwnFeedAndBlocksWithOtherNightsAreNotEchoes() {
        Booking stay = add(AIRBNB, "HM1", BookingStatus.CONFIRMED, "2026-06-01", "2026-06-05");
        Booking sameFeed = add(AIRBNB, "owner", BookingStatus.UNAVAILABLE, "2026-06-01", "2026-06-05");
        Booking otherNights = add(BOOKING, "later", BookingStatus.UNAVAILABLE, "2026-06-02", "2026-06-05");

        assertThat(EchoRule.echoes(bookings, times)).isEmpty();
        assertThat(exported(VRBO)).containsExactly(stay, sameFeed, otherNights);
    }

    @Test
    void copyOfABookingThatWasCancelledIsAnEchoUntilTheChannelDropsIt() {
        // the Airbnb guest cancelled at 12:00; Booking.com still shows its copy until it re-reads bokit's export
        Booking cancelled = add(AIRBNB, "HM2", BookingStatus.VANISHED, "2026-10-01", "2026-10-05");
        Booking staleCopy = add(BOOKING, "copy", BookingStatus.UNAVAILABLE, "2026-10-01", "2026-10-05");
        lastChanged.put(cancelled, Instant.parse("2026-04-02T12:00:00Z"));
        firstSeen.put(staleCopy, Instant.parse("2026-03-01T09:00:00Z"));

        assertThat(EchoRule.echoes(bookings, times)).containsExactly(staleCopy);
        assertThat(exported(AIRBNB)).isEmpty();
        assertThat(exported(VRBO)).isEmpty();
    }

    @Test
    void blockSeenAfterTheOtherBookingWasCancelledIsTheHostsOwn() {
        Booking cancelled = add(AIRBNB, "HM2", BookingStatus.CANCELLED, "2026-10-01", "2026-10-05");
        Booking hostBlock = add(BOOKING, "owner", BookingStatus.UNAVAILABLE, "2026-10-01", "2026-10-05");
        lastChanged.put(cancelled, Instant.parse("2026-04-02T12:00:00Z"));
        firstSeen.put(hostBlock, Instant.parse("2026-04-03T09:00:00Z"));

        assertThat(EchoRule.echoes(bookings, times)).isEmpty();
        assertThat(exported(AIRBNB)).containsExactly(hostBlock);
        assertThat(EchoRule.echoes(bookings, EchoRule.Times.unknown()))
                .as("without history, an inactive booking makes no echo")
                .isEmpty();
    }

    @Test
    void copyOfAStayAtTheDatesItMovedAwayFromIsAnEchoUntilTheChannelMovesItToo() {
        // found by the loop simulation: the Airbnb guest moved by two days at 12:00; Booking.com still shows its copy
        // at the old dates until it re-reads bokit's export. That copy was exported to Vrbo as a block of its own (a
        // ghost) and reported as a double booking with the very stay it copied.
        Booking moved = add(AIRBNB, "HM3", BookingStatus.CONFIRMED, "2026-10-03", "2026-10-07");
        Booking staleCopy = add(BOOKING, "copy", BookingStatus.UNAVAILABLE, "2026-10-01", "2026-10-05");
        formerDates.put(
                moved,
                List.of(new EchoRule.FormerDates(
                        day("2026-10-01"), day("2026-10-05"), Instant.parse("2026-04-02T12:00:00Z"))));
        firstSeen.put(staleCopy, Instant.parse("2026-03-01T09:00:00Z"));

        assertThat(EchoRule.echoes(bookings, times)).containsExactly(staleCopy);
        assertThat(exported(VRBO)).containsExactly(moved);
        assertThat(exported(AIRBNB)).isEmpty();
        assertThat(Overlaps.find(bookings, times, day("2026-04-02"))).isEmpty();
    }

    @Test
    void blockOnTheOldDatesOfAMovedStaySeenAfterTheLagIsTheHostsOwn() {
        Booking moved = add(AIRBNB, "HM3", BookingStatus.CONFIRMED, "2026-10-03", "2026-10-07");
        Booking hostBlock = add(BOOKING, "owner", BookingStatus.UNAVAILABLE, "2026-10-01", "2026-10-05");
        formerDates.put(
                moved,
                List.of(new EchoRule.FormerDates(
                        day("2026-10-01"), day("2026-10-05"), Instant.parse("2026-04-02T12:00:00Z"))));
        firstSeen.put(hostBlock, Instant.parse("2026-04-02T13:00:01Z"));
        lag = Duration.ofHours(1);

        assertThat(EchoRule.echoes(bookings, times)).isEmpty();
        assertThat(exported(VRBO)).containsExactlyInAnyOrder(moved, hostBlock);
    }

    @Test
    void aCopyFirstSeenWithinTheLagAfterTheChangeIsStillAnEcho() {
        // Booking.com read bokit's export at 11:59, the guest cancelled at 12:00, and bokit read Booking.com's feed
        // (with the copy) in the same run or the next one, up to one sync interval later
        Booking cancelled = add(AIRBNB, "HM2", BookingStatus.VANISHED, "2026-10-01", "2026-10-05");
        Booking copy = add(BOOKING, "copy", BookingStatus.UNAVAILABLE, "2026-10-01", "2026-10-05");
        lastChanged.put(cancelled, Instant.parse("2026-04-02T12:00:00Z"));
        firstSeen.put(copy, Instant.parse("2026-04-02T12:00:00Z"));

        assertThat(EchoRule.echoes(bookings, times)).as("seen in the same run").containsExactly(copy);

        firstSeen.put(copy, Instant.parse("2026-04-02T13:00:00Z"));
        assertThat(EchoRule.echoes(bookings, times))
                .as("seen at the next run, no lag")
                .isEmpty();
        lag = Duration.ofHours(1);
        assertThat(EchoRule.echoes(bookings, times))
                .as("seen at the next run, an hour's lag")
                .containsExactly(copy);
    }

    @Test
    void aLocalBookingIsAnOriginalSentToEveryChannelAndTheChannelsCopiesAreItsEchoes() {
        // the host's website took a reservation; Airbnb and Booking.com show bokit's export of it as blocks
        Booking local = add(FeedId.local(), "WEB-1", BookingStatus.CONFIRMED, "2026-06-01", "2026-06-05");
        Booking airbnbCopy = add(AIRBNB, "a1", BookingStatus.UNAVAILABLE, "2026-06-01", "2026-06-05");
        Booking bookingCopy = add(BOOKING, "b1", BookingStatus.UNAVAILABLE, "2026-06-01", "2026-06-05");

        assertThat(EchoRule.echoes(bookings, times)).containsExactlyInAnyOrder(airbnbCopy, bookingCopy);
        assertThat(exported(AIRBNB)).containsExactly(local);
        assertThat(exported(BOOKING)).containsExactly(local);
        assertThat(exported(null)).containsExactly(local);
    }

    @Test
    void aLocalOwnerBlockCompetesWithChannelBlocksByWhenEachWasFirstSeen() {
        Booking local = add(FeedId.local(), "L1", BookingStatus.BLOCKED, "2026-08-01", "2026-08-08");
        Booking copy = add(AIRBNB, "aaa", BookingStatus.UNAVAILABLE, "2026-08-01", "2026-08-08");
        firstSeen.put(local, Instant.parse("2026-04-01T10:00:00Z"));
        firstSeen.put(copy, Instant.parse("2026-04-01T13:00:00Z"));

        assertThat(EchoRule.echoes(bookings, times)).containsExactly(copy);
        assertThat(exported(AIRBNB)).containsExactly(local);
        assertThat(exported(VRBO)).containsExactly(local);
    }

    @Test
    void theHostsOwnBlockWithoutHistoryCountsAsSeenLongAgoAndStaysTheOriginal() {
        Booking host = add(FeedId.host(), "maint-3", BookingStatus.BLOCKED, "2026-08-01", "2026-08-08");
        Booking copy = add(BOOKING, "zzz", BookingStatus.UNAVAILABLE, "2026-08-01", "2026-08-08");
        firstSeen.put(copy, Instant.parse("2026-04-01T13:00:00Z"));

        assertThat(EchoRule.echoes(bookings, times)).containsExactly(copy);
        assertThat(exported(BOOKING)).containsExactly(host);
    }

    @Test
    void inactiveBookingsAreNeverExportedNorEchoes() {
        add(AIRBNB, "v", BookingStatus.VANISHED, "2026-06-01", "2026-06-05");
        add(AIRBNB, "c", BookingStatus.CANCELLED_BY_GUEST, "2026-06-10", "2026-06-12");
        BookingData block = BookingData.allDay(BookingStatus.UNAVAILABLE, null, day("2026-06-20"), day("2026-06-22"));
        Booking deleted = new Booking(SEAVIEW, BOOKING, BookingKey.of("d"), block, block, true);
        bookings.add(deleted);

        assertThat(EchoRule.active(deleted)).isFalse();
        assertThat(EchoRule.echoes(bookings, times)).isEmpty();
        assertThat(exported(null)).isEmpty();
    }

    private List<Booking> exported(FeedId target) {
        return EchoRule.exported(bookings, target, times);
    }

    private Booking add(FeedId feed, String uid, BookingStatus status, String checkIn, String checkOut) {
        Booking booking = Booking.imported(
                SEAVIEW, feed, BookingKey.of(uid), BookingData.allDay(status, null, day(checkIn), day(checkOut)));
        bookings.add(booking);
        return booking;
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
