package io.bokit.core.ical;

import io.bokit.core.domain.InvalidInputException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the parser needs to know about the calendar a feed belongs to.
 *
 * <p>Recurring events are expanded only inside the window {@code [today - back, today + ahead]} (an occurrence is
 * kept when its start day, in the calendar's zone, falls inside); non-recurring events are always imported.
 * Immutable and thread-safe. The constructor rejects null components ({@link NullPointerException}) and a negative
 * window ({@link InvalidInputException}).
 *
 * @param zone the calendar's time zone: floating times are read in it and check-in/check-out days are computed in it
 * @param today today in the calendar's zone (from the clock port, never from the system clock)
 * @param back how far back recurring events are expanded, not negative
 * @param ahead how far ahead recurring events are expanded, not negative
 */
public record ParseContext(ZoneId zone, LocalDate today, Period back, Period ahead) {

    /** The default recurrence window: one year back. */
    public static final Period DEFAULT_BACK = Period.ofYears(1);

    /** The default recurrence window: two years ahead. */
    public static final Period DEFAULT_AHEAD = Period.ofYears(2);

    public ParseContext {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(back, "back");
        Objects.requireNonNull(ahead, "ahead");
        if (back.isNegative() || ahead.isNegative()) {
            throw new InvalidInputException(
                    "The recurrence window must not be negative: back " + back + ", ahead " + ahead);
        }
    }

    /**
     * A context with the default recurrence window (one year back, two years ahead).
     *
     * @return a new context, never null
     * @throws NullPointerException when {@code zone} or {@code today} is null
     */
    public static ParseContext of(ZoneId zone, LocalDate today) {
        return new ParseContext(zone, today, DEFAULT_BACK, DEFAULT_AHEAD);
    }

    /**
     * This context with another recurrence window.
     *
     * @return a new context, never null
     * @throws InvalidInputException when a bound is negative
     */
    public ParseContext withWindow(Period newBack, Period newAhead) {
        return new ParseContext(zone, today, newBack, newAhead);
    }

    /** The first day of the recurrence window ({@code today - back}), never null. */
    public LocalDate windowStart() {
        return today.minus(back);
    }

    /** The last day of the recurrence window, inclusive ({@code today + ahead}), never null. */
    public LocalDate windowEnd() {
        return today.plus(ahead);
    }
}
