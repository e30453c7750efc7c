package io.bokit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.bokit.core.SystemTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliArchitectureTest {
    /** The JDBC adapter but InitializeMode (which BokitSettings takes): the CLI opens its store through BokitHost. */
    private static final DescribedPredicate<JavaClass> JDBC_INTERNALS =
            new DescribedPredicate<>("the JDBC adapter (anything in io.bokit.jdbc but InitializeMode)") {
                @Override
                public boolean test(JavaClass type) {
                    return type.getPackageName().equals("io.bokit.jdbc")
                            && !type.getName().equals("io.bokit.jdbc.InitializeMode");
                }
            };

    /** The CLI rule: no web framework, and the store only through BokitHost, like every host. */
    static final ArchRule CLI_USES_NO_FRAMEWORK_AND_STARTS_THROUGH_THE_HOST = noClasses()
            .that()
            .resideInAPackage("io.bokit.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "io.micronaut..", "jakarta..")
            .orShould()
            .dependOnClassesThat(JDBC_INTERNALS)
            .because("the CLI is a plain picocli program that starts bokit through BokitHost like every host; "
                    + "it must not pull in a web framework or wire the JDBC adapter itself")
            .allowEmptyShould(false);

    /** The CLI's clock rule: every "now" comes from the ClockPort the command line was built with. */
    static final ArchRule CLI_READS_TIME_ONLY_THROUGH_THE_CLOCK_PORT = noClasses()
            .that()
            .resideInAPackage("io.bokit.cli..")
            .should()
            .accessTargetWhere(SystemTime.reads())
            .because("every \"now\" comes from the ClockPort (CliContext.now()), so tests move a MutableClock"
                    + " instead of sleeping, and the CLI and the core agree on the time")
            .allowEmptyShould(false);

    @Test
    void theCliReadsTimeOnlyThroughTheClockPort() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.cli");

        CLI_READS_TIME_ONLY_THROUGH_THE_CLOCK_PORT.check(main);
    }

    @Test
    void theClockRuleCatchesEveryWayOfReadingTheSystemTime() {
        for (Class<?> fixture : List.of(
                ReadsInstantNow.class,
                ReadsCurrentTimeMillis.class,
                ReadsLocalDateNow.class,
                ReferencesInstantNow.class)) {
            JavaClasses violating = new ClassFileImporter().importClasses(fixture);

            assertThat(CLI_READS_TIME_ONLY_THROUGH_THE_CLOCK_PORT
                            .evaluate(violating)
                            .hasViolation())
                    .as(fixture.getSimpleName())
                    .isTrue();
        }
        assertThat(CLI_READS_TIME_ONLY_THROUGH_THE_CLOCK_PORT
                        .evaluate(new ClassFileImporter().importClasses(ReadsAGivenClock.class))
                        .hasViolation())
                .isFalse();
    }

    /** A deliberate violation: {@code Instant.now()}. */
    static final class ReadsInstantNow {
        java.time.Instant now() {
            return java.time.Instant.now();
        }
    }

    /** A deliberate violation: {@code System.currentTimeMillis()}. */
    static final class ReadsCurrentTimeMillis {
        long now() {
            return System.currentTimeMillis();
        }
    }

    /** A deliberate violation: {@code LocalDate.now(zone)}. */
    static final class ReadsLocalDateNow {
        java.time.LocalDate today() {
            return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        }
    }

    /** A deliberate violation: a reference to {@code Instant::now}. */
    static final class ReferencesInstantNow {
        java.util.function.Supplier<java.time.Instant> clock() {
            return java.time.Instant::now;
        }
    }

    /** Not a violation: the time of a clock handed in. */
    static final class ReadsAGivenClock {
        java.time.Instant now(java.time.Clock clock) {
            return java.time.Instant.now(clock);
        }
    }

    @Test
    void theCliUsesNoFrameworkAndOnlyTheJdbcBuilder() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.cli");

        CLI_USES_NO_FRAMEWORK_AND_STARTS_THROUGH_THE_HOST.check(main);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses violating = new ClassFileImporter().importClasses(ReachesIntoTheJdbcAdapter.class);

        assertThat(CLI_USES_NO_FRAMEWORK_AND_STARTS_THROUGH_THE_HOST
                        .evaluate(violating)
                        .hasViolation())
                .isTrue();
    }

    /** A deliberate violation: the CLI wiring the JDBC adapter itself instead of going through BokitHost. */
    static final class ReachesIntoTheJdbcAdapter {
        io.bokit.jdbc.BokitJdbc stores;
    }
}
