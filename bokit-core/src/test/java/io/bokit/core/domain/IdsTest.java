package io.bokit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

    @Test
    void acceptsExactlyWhatTheDocumentedPatternAccepts() {
        // the rule as the message states it, as a regular expression, against the hand-written check
        Pattern documented = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        List<String> candidates = new ArrayList<>(List.of("", "a", "a".repeat(63), "a".repeat(64), "a".repeat(65)));
        for (char c = 0; c < 0x180; c++) {
            candidates.add(String.valueOf(c));
            candidates.add("a" + c);
            candidates.add(c + "a");
        }
        candidates.addAll(List.of("\u0663", "a\u0663", "\uD83C\uDFD6", "a\uD83C", "Ａ", "x.-_9", "9" + "-".repeat(63)));
        for (String candidate : candidates) {
            boolean expected = documented.matcher(candidate).matches();
            assertThat(accepted(candidate)).as("\"%s\"", candidate).isEqualTo(expected);
        }
    }

    private static boolean accepted(String value) {
        try {
            Ids.check("id", value);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
