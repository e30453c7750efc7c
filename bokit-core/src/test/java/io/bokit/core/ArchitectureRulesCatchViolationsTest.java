package io.bokit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.bokit.core.application.archfixture.FixtureService;
import io.bokit.core.archfixture.FollowsTheRules;
import io.bokit.core.archfixture.ReadsSystemTime;
import io.bokit.core.archfixture.UsesForbiddenLibrary;
import io.bokit.core.archfixture.UsesThirdPartyLibrary;
import io.bokit.core.domain.archfixture.CycleFromDomain;
import io.bokit.core.domain.archfixture.DomainUsingLibrary;
import io.bokit.core.domain.archfixture.DomainUsingPort;
import io.bokit.core.port.in.archfixture.RunSync;
import io.bokit.core.port.in.archfixture.ServiceAwareUseCase;
import io.bokit.core.port.out.archfixture.CycleFromPortOut;
import io.bokit.core.port.out.archfixture.FeedFetcher;
import io.bokit.core.port.out.archfixture.PortKnowingService;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that each rule of {@link CoreRules} fails when broken, so none of them passes by matching
 * nothing.
 *
 * <p>The fixtures are small classes in test sources (so they never ship) that break one rule each.
 * They live in {@code archfixture} sub-packages of the packages the rules name, for example
 * {@code io.bokit.core.domain.archfixture}, so the very same rule constants that
 * {@link ArchitectureTest} checks select them: {@code io.bokit.core.domain..} includes its
 * sub-packages. The sub-packages keep them apart from the real classes and their package-private
 * members. {@link ArchitectureTest} imports with
 * {@code ImportOption.DoNotIncludeTests}, so the fixtures never count against the real code. Library
 * types that are not on the test class path (Spring, Micronaut, picocli) are fakes declared in test
 * sources under those libraries' package names ({@code org.springframework.fake}, …), since ArchUnit
 * matches by package name; {@code java.sql}, {@code javax.sql} and {@code java.net.http} are the real
 * JDK types.
 *
 * <p>Each case imports only its fixture classes, evaluates one rule, and checks that the rule reports
 * a violation naming the fixture, not merely some failure.
 */
class ArchitectureRulesCatchViolationsTest {

    static Stream<Arguments> violations() {
        return Stream.of(
                violation(CoreRules.CORE_USES_NO_FRAMEWORK_OR_IO_LIBRARY, UsesForbiddenLibrary.Spring.class),
                violation(CoreRules.CORE_USES_NO_FRAMEWORK_OR_IO_LIBRARY, UsesForbiddenLibrary.Micronaut.class),
                violation(CoreRules.CORE_USES_NO_FRAMEWORK_OR_IO_LIBRARY, UsesForbiddenLibrary.Picocli.class),
                violation(CoreRules.CORE_USES_NO_FRAMEWORK_OR_IO_LIBRARY, UsesForbiddenLibrary.JavaSql.class),
                violation(CoreRules.CORE_USES_NO_FRAMEWORK_OR_IO_LIBRARY, UsesForbiddenLibrary.JavaxSql.class),
                violation(CoreRules.CORE_USES_NO_FRAMEWORK_OR_IO_LIBRARY, UsesForbiddenLibrary.JavaNetHttp.class),
                violation(CoreRules.DOMAIN_DEPENDS_ONLY_ON_JAVA, DomainUsingPort.class),
                violation(CoreRules.DOMAIN_DEPENDS_ONLY_ON_JAVA, DomainUsingLibrary.class),
                violation(
                        CoreRules.PORTS_DO_NOT_DEPEND_ON_APPLICATION, ServiceAwareUseCase.class, FixtureService.class),
                violation(CoreRules.PORTS_DO_NOT_DEPEND_ON_APPLICATION, PortKnowingService.class, FixtureService.class),
                violation(CoreRules.NO_CYCLES_BETWEEN_PACKAGES, CycleFromDomain.class, CycleFromPortOut.class),
                violation(CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME, ReadsSystemTime.InstantNow.class),
                violation(CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME, ReadsSystemTime.InstantNowReference.class),
                violation(CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME, ReadsSystemTime.CurrentTimeMillis.class),
                violation(CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME, ReadsSystemTime.LocalDateNowInZone.class),
                violation(CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME, ReadsSystemTime.LocalDateTimeNow.class),
                violation(CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME, ReadsSystemTime.ZonedDateTimeNow.class),
                violation(CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME, ReadsSystemTime.ClockSystemUtc.class),
                violation(CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME, ReadsSystemTime.NewDate.class),
                violation(CoreRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ICAL4J, UsesThirdPartyLibrary.class),
                violation(CoreRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ICAL4J, UsesForbiddenLibrary.Spring.class),
                violation(CoreRules.OUTBOUND_PORTS_ARE_NAMED_PORT, FeedFetcher.class),
                violation(CoreRules.INBOUND_PORTS_ARE_USE_CASES, RunSync.class));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("violations")
    void ruleReportsTheFixtureThatBreaksIt(String rule, String violator, ArchRule archRule, List<Class<?>> fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);

        EvaluationResult result = archRule.evaluate(classes);

        assertThat(result.hasViolation()).as("%s reports a violation", rule).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(detail -> assertThat(detail).contains(violator));
    }

    @Test
    void everyRuleHasAViolationCase() {
        List<String> proven = violations()
                .map(arguments -> (String) arguments.get()[0])
                .distinct()
                .toList();

        assertThat(proven).containsExactlyInAnyOrderElementsOf(CoreRules.all().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRules")
    void ruleFailsWhenItSelectsNoClass(String rule, ArchRule archRule) {
        JavaClasses nothingInScope = new ClassFileImporter().importClasses(String.class);

        assertThatThrownBy(() -> archRule.check(nothingInScope))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void rulesAcceptAGivenClockNanoTimePrimitivesAndArrays() {
        JavaClasses classes = new ClassFileImporter().importClasses(FollowsTheRules.class);

        assertThat(CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME
                        .evaluate(classes)
                        .hasViolation())
                .isFalse();
        assertThat(CoreRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ICAL4J
                        .evaluate(classes)
                        .hasViolation())
                .isFalse();
    }

    static Stream<Arguments> allRules() {
        return CoreRules.all().entrySet().stream().map(rule -> Arguments.of(rule.getKey(), rule.getValue()));
    }

    private static Arguments violation(ArchRule rule, Class<?>... fixtures) {
        return Arguments.of(CoreRules.nameOf(rule), fixtures[0].getName(), rule, List.of(fixtures));
    }
}
