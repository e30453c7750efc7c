package io.bokit.core.domain;

/** A caller passed a value bokit cannot accept (bad id, unknown calendar, malformed URL). */
public final class InvalidInputException extends BokitException {
    public InvalidInputException(String message) {
        super(message);
    }
}
