package io.bokit.core.archfixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.function.Supplier;

/** Deliberate violations: core classes reading the system time instead of asking ClockPort. */
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

    public static final class LocalDateNowInZone {
        LocalDate today() {
            return LocalDate.now(ZoneOffset.UTC);
        }
    }

    public static final class LocalDateTimeNow {
        LocalDateTime now() {
            return LocalDateTime.now();
        }
    }

    public static final class ZonedDateTimeNow {
        ZonedDateTime now() {
            return ZonedDateTime.now();
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
