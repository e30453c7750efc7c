package io.bokit.core.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.InvalidInputException;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class ParseContextTest {

    @Test
    void defaultWindowIsOneYearBackAndTwoAhead() {
        // when
        ParseContext context = ParseContext.of(Fixtures.PARIS, LocalDate.of(2025, 6, 1));

        // then
        assertThat(context.windowStart()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(context.windowEnd()).isEqualTo(LocalDate.of(2027, 6, 1));
    }

    @Test
    void rejectsNegativeWindow() {
        assertThatThrownBy(() -> Fixtures.CONTEXT.withWindow(Period.ofDays(-1), Period.ZERO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void rejectsMissingZone() {
        assertThatThrownBy(() -> ParseContext.of(null, LocalDate.of(2025, 6, 1)))
                .isInstanceOf(NullPointerException.class);
    }
}
