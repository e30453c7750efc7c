package io.bokit.host;

import static com.tngtech.archunit.lang.conditions.ArchConditions.accessTargetWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.bokit.core.SystemTime;
import io.bokit.host.archfixture.FollowsTheRules;
import io.bokit.host.archfixture.ReadsSystemTime;
import io.bokit.host.archfixture.UsesAFramework;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bokit-host's rules, checked against the main code and each proven against a deliberate violation: the fixtures
 * live in {@code io.bokit.host.archfixture} (test sources, so they never ship), which the rules' {@code io.bokit.host..}
 * selects; the main code is imported without tests. The framework types are fakes under the frameworks' package names
 * ({@code org.springframework.fake}, …), since ArchUnit matches by package name.
 */
class HostArchitectureTest {

    /** Every "now" of the host comes from ClockPort. */
    static final ArchRule THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT = noClasses()
            .that()
            .resideInAPackage("io.bokit.host..")
            .should(accessTargetWhere(SystemTime.reads()))
            .because("every \"now\" comes from ClockPort, so a host's tests move a MutableClock instead of sleeping"
                    + " (System.nanoTime() stays allowed for measuring durations)")
            .allowEmptyShould(false);

    /** The host is the framework-free layer under every adapter. */
    static final ArchRule THE_HOST_USES_NO_FRAMEWORK = noClasses()
            .that()
            .resideInAPackage("io.bokit.host..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "io.micronaut..", "picocli..")
            .because("bokit-host is what the Spring and Micronaut adapters and the CLI share; a framework in it"
                    + " would reach every host")
            .allowEmptyShould(false);

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT", THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT),
                Arguments.of("THE_HOST_USES_NO_FRAMEWORK", THE_HOST_USES_NO_FRAMEWORK));
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                violation(THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT, ReadsSystemTime.InstantNow.class),
                violation(THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT, ReadsSystemTime.InstantNowReference.class),
                violation(THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT, ReadsSystemTime.CurrentTimeMillis.class),
                violation(THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT, ReadsSystemTime.LocalDateNow.class),
                violation(THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT, ReadsSystemTime.ZonedDateTimeNowInZone.class),
                violation(THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT, ReadsSystemTime.ClockSystemUtc.class),
                violation(THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT, ReadsSystemTime.NewDate.class),
                violation(THE_HOST_USES_NO_FRAMEWORK, UsesAFramework.Spring.class),
                violation(THE_HOST_USES_NO_FRAMEWORK, UsesAFramework.Micronaut.class),
                violation(THE_HOST_USES_NO_FRAMEWORK, UsesAFramework.Picocli.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theMainCodeFollowsTheRule(String name, ArchRule rule) {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.host");

        rule.check(main);
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("violations")
    void theRuleReportsTheFixtureThatBreaksIt(String name, String violator, ArchRule rule, Class<?> fixture) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixture);

        var result = rule.evaluate(classes);

        assertThat(result.hasViolation()).as("%s reports a violation", name).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(detail -> assertThat(detail).contains(violator));
    }

    @Test
    void everyRuleHasAViolationCase() {
        List<String> proven = violations()
                .map(arguments -> (String) arguments.get()[0])
                .distinct()
                .toList();

        assertThat(proven)
                .containsExactlyInAnyOrderElementsOf(
                        rules().map(arguments -> (String) arguments.get()[0]).toList());
    }

    @Test
    void theRulesAcceptAGivenClockAndNanoTime() {
        JavaClasses classes = new ClassFileImporter().importClasses(FollowsTheRules.class);

        assertThat(THE_HOST_READS_TIME_ONLY_FROM_CLOCK_PORT.evaluate(classes).hasViolation())
                .isFalse();
        assertThat(THE_HOST_USES_NO_FRAMEWORK.evaluate(classes).hasViolation()).isFalse();
    }

    private static Arguments violation(ArchRule rule, Class<?> fixture) {
        String name = rules().filter(arguments -> arguments.get()[1] == rule)
                .map(arguments -> (String) arguments.get()[0])
                .findFirst()
                .orElseThrow();
        return Arguments.of(name, fixture.getName(), rule, fixture);
    }
}
