package io.bokit.core.port.in;

import java.util.Objects;

/**
 * One export's iCalendar body.
 *
 * @param body the text (CRLF line ends, folded at 75 octets); encode it as UTF-8, not null
 * @param events how many VEVENTs it holds, not negative
 */
public record ExportResult(String body, int events) {
    public ExportResult {
        Objects.requireNonNull(body, "body");
        if (events < 0) {
            throw new IllegalArgumentException("Invalid event count " + events + ": it must not be negative");
        }
    }
}
