package io.bokit.host.archfixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.function.Supplier;

/** Deliberate violations: host classes reading the system time instead of asking ClockPort. */
public final class ReadsSystemTime {

    private ReadsSystemTime() {}

    public static final class InstantNow {
        Instant now() {
            return Instant.now();
        }
    }

    public static final class InstantNowReference {
        Supplier<Instant> now() {
            return Instant::now;
        }
    }

    public static final class CurrentTimeMillis {
        long now() {
            return System.currentTimeMillis();
        }
    }

    public static final class LocalDateNow {
        LocalDate today() {
            return LocalDate.now();
        }
    }

    public static final class ZonedDateTimeNowInZone {
        ZonedDateTime now() {
            return ZonedDateTime.now(ZoneOffset.UTC);
        }
    }

    public static final class ClockSystemUtc {
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    public static final class NewDate {
        Date now() {
            return new Date();
        }
    }
}
