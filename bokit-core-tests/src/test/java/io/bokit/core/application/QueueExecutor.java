package io.bokit.core.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An executor that keeps the jobs it is given until the test runs them: "after the response". */
final class QueueExecutor implements Executor {
    private final List<Runnable> queued = new ArrayList<>();
    private int submitted;

    @Override
    public synchronized void execute(Runnable job) {
        queued.add(job);
        submitted++;
    }

    synchronized int submitted() {
        return submitted;
    }

    /** Runs every queued job on the calling thread. */
    void runAll() {
        List<Runnable> jobs;
        synchronized (this) {
            jobs = new ArrayList<>(queued);
            queued.clear();
        }
        jobs.forEach(Runnable::run);
    }
}
