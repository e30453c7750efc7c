package io.bokit.cli;

import java.io.PrintWriter;

/** A live counter line on a terminal, {@code Syncing: 12/40 feeds fetched}, rewritten in place after each fetch. */
final class Progress implements Runnable {
    /** A run shows live progress from this many feeds on. */
    static final int MIN_FEEDS = 5;

    private final PrintWriter out;
    private final int total;
    private int done;
    private int width;

    Progress(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
        show();
    }

    @Override
    public synchronized void run() {
        done = Math.min(done + 1, total);
        show();
    }

    /** Erases the line before the report is printed. */
    synchronized void clear() {
        out.print("\r" + " ".repeat(width) + "\r");
        out.flush();
    }

    private void show() {
        String text = "Syncing: " + done + "/" + total + " feeds fetched";
        width = Math.max(width, text.length());
        out.print("\r" + text);
        out.flush();
    }
}
