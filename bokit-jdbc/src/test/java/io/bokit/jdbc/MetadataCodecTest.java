package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataCodecTest {

    @Test
    void encodesEmptyMapAsEmptyText() {
        assertThat(MetadataCodec.encode(Map.of())).isEmpty();
        assertThat(MetadataCodec.decode("")).isEmpty();
        assertThat(MetadataCodec.decode(null)).isEmpty();
    }

    @Test
    void encodesSortedReadableLines() {
        assertThat(MetadataCodec.encode(Map.of("phone", "+351 912", "adults", "2")))
                .isEqualTo("adults=2\nphone=+351 912");
    }

    @Test
    void roundTripsEveryAwkwardCharacter() {
        Map<String, String> metadata = Map.of(
                "a=b", "c=d",
                "back\\slash", "\\",
                "lines", "one\ntwo\r\nthree\r",
                "", "",
                "empty", "",
                "nul", "\0",
                "trailing", "ends with \\",
                "ünï", "東京 🏖");

        assertThat(MetadataCodec.decode(MetadataCodec.encode(metadata))).isEqualTo(metadata);
    }

    @Test
    void refusesDamagedLine() {
        assertThatThrownBy(() -> MetadataCodec.decode("ok=1\nbroken"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken");
    }
}
