package io.bokit.core.ical;

/** One event cannot be read; the parser skips and counts it. Internal, never leaves the package. */
final class DamagedEventException extends Exception {
    private static final long serialVersionUID = 1L;

    DamagedEventException(String reason) {
        super(reason, null, false, false);
    }
}
