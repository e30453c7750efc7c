package io.bokit.core.domain;

/** Root of every exception bokit throws; unchecked. */
public class BokitException extends RuntimeException {
    public BokitException(String message) {
        super(message);
    }

    public BokitException(String message, Throwable cause) {
        super(message, cause);
    }
}
