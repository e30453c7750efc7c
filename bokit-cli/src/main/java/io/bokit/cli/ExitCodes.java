package io.bokit.cli;

/** The exit codes of {@code bokit-cli}, as listed by {@code --help}. */
final class ExitCodes {
    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;
    static final int FEEDS_FAILED = 3;
    static final int BUSY = 4;
    static final int NOT_DUE = 5;

    /** The list shown under "Exit codes" in every command's help. */
    static final String[] LIST = {
        "0:done",
        "1:internal error: the store could not be read or written, or something unexpected failed",
        "2:usage error or invalid input (unknown option key, bad value, unknown feed or calendar, bad URL or date, "
                + "a store that is not installed); nothing was changed",
        "3:the sync ran, but at least one feed failed",
        "4:a sync is already running (another process holds the run lease); nothing was done",
        "5:sync --if-due: the interval is not over (or another process has just claimed it); sync --join: no shared run"
                + " is open; nothing was done"
    };

    private ExitCodes() {}
}
