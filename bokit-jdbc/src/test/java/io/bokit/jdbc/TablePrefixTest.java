package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablePrefixTest {

    @Test
    void acceptsLowerCaseLettersDigitsAndUnderscores() {
        assertThat(TablePrefix.DEFAULT.table("booking")).isEqualTo("bokit_booking");
        assertThat(TablePrefix.of("a").table("option")).isEqualTo("aoption");
        assertThat(TablePrefix.of("site_2_bokit_").value()).isEqualTo("site_2_bokit_");
        assertThat(TablePrefix.of("a" + "b".repeat(20)).value()).hasSize(21);
    }

    @Test
    void refusesAnythingThatCouldBreakSqlNamingTheValue() {
        List<String> bad = Arrays.asList(
                null,
                "",
                "Bokit_",
                "1bokit",
                "_bokit",
                "bo-kit",
                "bokit_;drop table x",
                "bo kit",
                "a" + "b".repeat(21));
        for (String value : bad) {
            assertThatThrownBy(() -> TablePrefix.of(value))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("\"" + value + "\"");
        }
    }
}
