package io.bokit.core;

import static com.tngtech.archunit.base.DescribedPredicate.describe;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Set;

/**
 * What "reads the system time" means for every clock rule of the build (the core's, the host's, the CLI's),
 * written once and shipped in bokit-core's test jar.
 */
public final class SystemTime {
    private static final Set<String> CLOCK_FACTORIES =
            Set.of("systemUTC", "systemDefaultZone", "system", "tickMillis", "tickSeconds", "tickMinutes");

    private SystemTime() {}

    /**
     * Accesses that read the system time: {@code now()} and {@code now(ZoneId)} of any java.time type
     * ({@code now(Clock)} reads the given clock and is fine), the system {@code Clock} and
     * {@code InstantSource} factories, {@code System.currentTimeMillis()}, {@code new Date()} and
     * {@code Calendar.getInstance(..)}. Method references ({@code Instant::now}) count as well.
     */
    public static DescribedPredicate<JavaAccess<?>> reads() {
        return describe(
                "reads the system time (Instant.now(), LocalDate.now(), System.currentTimeMillis(),"
                        + " Clock.systemUTC(), new Date() ...)",
                access -> {
                    if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
                        return false;
                    }
                    String owner = target.getOwner().getName();
                    String name = target.getName();
                    List<String> parameters = target.getRawParameterTypes().stream()
                            .map(JavaClass::getName)
                            .toList();
                    if (owner.startsWith("java.time.") && name.equals("now")) {
                        return !parameters.equals(List.of("java.time.Clock"));
                    }
                    return switch (owner) {
                        case "java.time.Clock" -> CLOCK_FACTORIES.contains(name);
                        case "java.time.InstantSource" -> name.equals("system");
                        case "java.lang.System" -> name.equals("currentTimeMillis");
                        case "java.util.Date" -> name.equals("<init>") && parameters.isEmpty();
                        case "java.util.Calendar" -> name.equals("getInstance");
                        default -> false;
                    };
                });
    }
}
