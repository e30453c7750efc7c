package io.bokit.core;

import static com.tngtech.archunit.lang.conditions.ArchConditions.accessTargetWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The architecture rules of bokit-core, as {@link ArchTest} constants: {@link ArchitectureTest} checks
 * every one of them against the real code (through {@code ArchTests.in(CoreRules.class)}, so a new
 * rule cannot be forgotten there) and {@link ArchitectureRulesCatchViolationsTest} proves that each
 * one fails on a deliberate violation.
 *
 * <p>Every rule sets {@code allowEmptyShould(false)}: a rule whose "that" part selects no class
 * (a misspelt or vanished package) fails instead of passing silently. Every package named here
 * exists in the main code, except {@code application}, which a rule names only as a dependency
 * target.
 */
final class CoreRules {

    static final String CORE = "io.bokit.core..";
    static final String DOMAIN = "io.bokit.core.domain..";
    static final String APPLICATION = "io.bokit.core.application..";
    static final String PORT_IN = "io.bokit.core.port.in..";
    static final String PORT_OUT = "io.bokit.core.port.out..";

    /** The one class allowed to read the system time. */
    static final String SYSTEM_CLOCK = "io.bokit.core.port.out.SystemClock";

    /** The core runs inside any host, so it must not drag in a framework, a driver API or an HTTP client. */
    @ArchTest
    static final ArchRule CORE_USES_NO_FRAMEWORK_OR_IO_LIBRARY = noClasses()
            .that()
            .resideInAPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "io.micronaut..",
                    "picocli..",
                    "java.sql..",
                    "javax.sql..",
                    "java.net.http..")
            .because("bokit-core is framework-free: Spring, Micronaut and picocli belong to the adapters, and"
                    + " JDBC and HTTP belong to bokit-jdbc and bokit-http behind the outbound ports")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_JAVA = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN)
            .because("the domain is plain values and rules (no I/O, no logging, no library types), so it can be"
                    + " reasoned about and tested on its own")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule PORTS_DO_NOT_DEPEND_ON_APPLICATION = noClasses()
            .that()
            .resideInAnyPackage(PORT_IN, PORT_OUT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(APPLICATION)
            .because("ports are the contracts the application services implement and use; a port that knows a"
                    + " service couples every adapter to that implementation")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching("io.bokit.core.(*)..")
            .should()
            .beFreeOfCycles()
            .because("dependencies point one way (application -> ports -> domain), so each part can be"
                    + " understood and changed without the others")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME = noClasses()
            .that()
            .resideInAPackage(CORE)
            .and()
            .doNotHaveFullyQualifiedName(SYSTEM_CLOCK)
            .should(accessTargetWhere(SystemTime.reads()))
            .because("every \"now\" comes from ClockPort, so tests move a MutableClock instead of sleeping and"
                    + " a store may use database time (System.nanoTime() stays allowed for measuring durations)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ICAL4J = classes()
            .that()
            .resideInAPackage(CORE)
            .should()
            .onlyDependOnClassesThat(jdkSlf4jIcal4jOrCore())
            .because("bokit-core's compile dependencies are ical4j and slf4j-api only; anything else would"
                    + " reach every host application")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule OUTBOUND_PORTS_ARE_NAMED_PORT = classes()
            .that()
            .resideInAPackage(PORT_OUT)
            .and()
            .areTopLevelClasses()
            .and()
            .areInterfaces()
            .and()
            .arePublic()
            .should()
            .haveSimpleNameEndingWith("Port")
            .orShould()
            .haveSimpleName("SyncListener")
            .because("outbound ports are what adapters implement: XxxPort by convention, plus the SyncListener"
                    + " callbacks for the host")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule INBOUND_PORTS_ARE_USE_CASES = classes()
            .that()
            .resideInAPackage(PORT_IN)
            .and()
            .areTopLevelClasses()
            .and()
            .areInterfaces()
            .and()
            .arePublic()
            .should()
            .haveSimpleNameEndingWith("UseCase")
            .orShould()
            .haveSimpleNameEndingWith("Result")
            .because("inbound ports are XxxUseCase interfaces, with XxxCommand and XxxResult types (a Result"
                    + " may be a sealed interface of records)")
            .allowEmptyShould(false);

    private CoreRules() {}

    /** Every rule by the name of its constant, in declaration order. */
    static Map<String, ArchRule> all() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        for (Field field : CoreRules.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(ArchTest.class)) {
                try {
                    rules.put(field.getName(), (ArchRule) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return rules;
    }

    /** The name of the constant that holds a rule, for readable test names. */
    static String nameOf(ArchRule rule) {
        return all().entrySet().stream()
                .filter(entry -> entry.getValue() == rule)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a CoreRules rule: " + rule.getDescription()));
    }

    /** The JDK ({@code java..}), SLF4J, ical4j and the core itself. */
    private static DescribedPredicate<JavaClass> jdkSlf4jIcal4jOrCore() {
        return JavaClass.Predicates.resideInAnyPackage("java..", "org.slf4j..", "net.fortuna.ical4j..", CORE)
                .as("belong to the JDK (java..), SLF4J (org.slf4j..), ical4j (net.fortuna.ical4j..) or bokit-core");
    }
}
