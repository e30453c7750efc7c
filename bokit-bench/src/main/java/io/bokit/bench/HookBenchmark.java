package io.bokit.bench;

import io.bokit.core.application.AutoSyncService;
import io.bokit.core.application.RunSettings;
import io.bokit.core.port.out.ClockPort;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every page pays: the request hook when no sync is due, beside a bare volatile read in the
 * same run. Run with {@code java -jar bokit-bench/target/benchmarks.jar HookBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Dslf4j.internal.verbosity=ERROR")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class HookBenchmark {
    private volatile long deadline = Long.MAX_VALUE;
    private AutoSyncService hook;
    private final AtomicInteger runs = new AtomicInteger();

    /** A hook that has just claimed an interval of one hour: every later request is "not due". */
    @Setup
    public void claimOnce() {
        InMemoryOptions options = new InMemoryOptions();
        options.store("install.complete", "true");
        options.store("sync.interval", "3600");
        hook = new AutoSyncService(
                options,
                new InMemorySyncState(),
                ClockPort.system(),
                lease -> runs.incrementAndGet(),
                RunSettings.defaults().withRefreshPeriod(java.time.Duration.ofHours(1)),
                Runnable::run,
                Runnable::run);
        hook.onRequest();
        if (runs.get() != 1) {
            throw new IllegalStateException("the set-up claim did not run");
        }
    }

    /** The baseline the issue names: a bare volatile read. */
    @Benchmark
    public long volatileRead() {
        return deadline;
    }

    /** The clock read every hook call needs, for reference: {@code System.currentTimeMillis()}. */
    @Benchmark
    public long clockRead() {
        return System.currentTimeMillis();
    }

    /** bokit's request hook, not due. */
    @Benchmark
    public void hookNotDue() {
        hook.onRequest();
    }
}
