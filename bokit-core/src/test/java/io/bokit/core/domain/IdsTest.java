package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void acceptsReadableIds() {
        assertThat(FeedId.of("seaview-airbnb.2").value()).isEqualTo("seaview-airbnb.2");
        assertThat(CalendarKey.of("Room_1").value()).isEqualTo("Room_1");
    }

    @Test
    void refusesIdsThatCannotBeTypedSafely() {
        assertThatThrownBy(() -> FeedId.of("-starts-with-dash"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("feed id")
                .hasMessageContaining("\"-starts-with-dash\"");
        assertThatThrownBy(() -> CalendarKey.of("has space")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CalendarKey.of("x".repeat(65))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void showsAHugeRefusedValueAsItsFirstHundredCharactersAndItsLength() {
        String huge = "🏖".repeat(150) + "x".repeat(99_700);

        assertThatThrownBy(() -> CalendarKey.of(huge))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(
                        "Invalid calendar key \"" + "🏖".repeat(100) + "… (100000 characters)\": expected");
        assertThatThrownBy(() -> OptionKey.SYNC_INTERVAL.parse(huge))
                .hasMessageContaining("… (100000 characters)")
                .hasMessageNotContaining("x".repeat(101));
        assertThat(Ids.excerpt("x".repeat(100))).isEqualTo("x".repeat(100));
    }
}
