package io.bokit.core.domain;

/** A store (database, file, memory) failed to read or write; wraps the driver's exception. */
public final class StorageException extends BokitException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
