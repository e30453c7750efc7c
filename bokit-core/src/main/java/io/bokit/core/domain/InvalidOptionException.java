package io.bokit.core.domain;

/** An option value or key was refused; the message names the key, the value and what is allowed. */
public final class InvalidOptionException extends BokitException {
    private final String key;

    public InvalidOptionException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The option key that was refused. */
    public String key() {
        return key;
    }
}
