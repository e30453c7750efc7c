package io.bokit.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Checks of an export body's bytes that every export test shares. */
final class ExportAssertions {
    private ExportAssertions() {}

    /**
     * Every line ends in CRLF, has at most 75 octets, and is valid UTF-8 on its own (so no fold split a
     * sequence); no bare CR or LF.
     */
    static void assertFoldedWithinLimits(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(body).endsWith("\r\n");
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertThat(i).as("LF at octet %d follows a CR", i).isGreaterThan(start - 1);
                assertThat(bytes[i - 1]).as("octet before LF at %d", i).isEqualTo((byte) '\r');
                byte[] line = Arrays.copyOfRange(bytes, start, i - 1);
                assertThat(line.length)
                        .as("octets of line starting at octet %d", start)
                        .isLessThanOrEqualTo(75);
                assertThat(new String(line, StandardCharsets.US_ASCII)).doesNotContain("\r");
                assertValidUtf8(line, start);
                start = i + 1;
            }
        }
        assertThat(start).as("the body ends with a complete line").isEqualTo(bytes.length);
    }

    private static void assertValidUtf8(byte[] line, int offset) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line));
        } catch (CharacterCodingException e) {
            throw new AssertionError("The line starting at octet " + offset + " splits a UTF-8 sequence", e);
        }
    }
}
