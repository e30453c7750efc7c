package io.bokit.core.fuzz;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A tiny, seeded property runner for bokit's fuzzing tests (plain JUnit 5, no extra library): it draws
 * {@code tries} inputs from a generator, each from its own {@link Random} seeded from the property's base seed and
 * the try's number, checks each, counts the outcomes and prints them. A failing try names its seed, so it can be
 * replayed alone.
 *
 * <ul>
 *   <li>{@code -Dbokit.fuzz.tries=N}: tries per property (default: the property's own, small enough for
 *       {@code mvn verify});
 *   <li>{@code -Dbokit.fuzz.seed=S}: another base seed (default {@value #DEFAULT_SEED}, fixed so builds repeat);
 *   <li>{@code -Dbokit.fuzz.replay=T}: runs only the try whose seed is {@code T} (printed by a failure).
 * </ul>
 *
 * <p>The longer run (surefire passes {@code -D} properties on to the tests):
 *
 * <pre>
 * mvn -B -pl bokit-core,bokit-testkit,bokit-core-tests verify -Dbokit.fuzz.tries=20000 -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
public final class Fuzz {
    /** The system property that sets the tries per property. */
    public static final String TRIES = "bokit.fuzz.tries";
    /** The system property that sets the base seed. */
    public static final String SEED = "bokit.fuzz.seed";
    /** The system property that replays one try by its seed. */
    public static final String REPLAY = "bokit.fuzz.replay";
    /** The base seed of every build. */
    public static final long DEFAULT_SEED = 20251128L;

    private Fuzz() {}

    /**
     * Runs a property.
     *
     * @param property the property's name (it also varies the seed, so properties draw different inputs)
     * @param defaultTries the tries when {@value #TRIES} is not set
     * @param generator draws one input from a random source
     * @param check checks one input, throwing an {@link AssertionError} when the property does not hold; returns a
     *     label for the outcome (e.g. {@code parsed}, {@code refused}) that is counted
     * @param <T> the input type
     * @return the outcome counts, by label
     * @throws AssertionError for the first input that breaks the property, naming its try seed
     */
    public static <T> Map<String, Integer> check(
            String property, int defaultTries, Function<Random, T> generator, Function<T, String> check) {
        long base = Long.getLong(SEED, DEFAULT_SEED) * 31 + property.hashCode();
        String replay = System.getProperty(REPLAY);
        int tries = replay != null ? 1 : Integer.getInteger(TRIES, defaultTries);
        Map<String, Integer> counts = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            long trySeed = replay != null ? Long.parseLong(replay) : mix(base, i);
            T input = generator.apply(new Random(trySeed));
            if (replay != null) {
                System.out.println("[fuzz] " + property + " replays try seed " + trySeed + ", input:\n" + input);
            }
            String outcome;
            try {
                outcome = check.apply(input);
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw (VirtualMachineError) e;
                }
                throw new AssertionError(
                        property + " does not hold at try " + i + " (replay with -D" + REPLAY + "=" + trySeed + "): "
                                + e + "\ninput: " + preview(String.valueOf(input)),
                        e);
            }
            counts.merge(outcome, 1, Integer::sum);
        }
        System.out.printf(
                "[fuzz] %s: %d tries, base seed %d, %d ms: %s%n",
                property, tries, Long.getLong(SEED, DEFAULT_SEED), (System.nanoTime() - started) / 1_000_000, counts);
        return counts;
    }

    /** The text cut to a readable length, with its full length (the whole text when replaying one try). */
    public static String preview(String text) {
        return System.getProperty(REPLAY) != null || text.length() <= 400
                ? text
                : text.substring(0, 400) + "…(" + text.length() + " chars)";
    }

    private static long mix(long base, int i) {
        long z = base + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
