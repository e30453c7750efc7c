package io.bokit.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Checks {@link CoreRules} against bokit-core's main code. Test classes are not imported: they
 * include the deliberate violations of {@link ArchitectureRulesCatchViolationsTest}.
 */
@AnalyzeClasses(packages = "io.bokit.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNoFrameworkOrIoLibrary = CoreRules.CORE_USES_NO_FRAMEWORK_OR_IO_LIBRARY;

    @ArchTest
    static final ArchRule domainDependsOnlyOnJava = CoreRules.DOMAIN_DEPENDS_ONLY_ON_JAVA;

    @ArchTest
    static final ArchRule portsDoNotDependOnApplication = CoreRules.PORTS_DO_NOT_DEPEND_ON_APPLICATION;

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = CoreRules.NO_CYCLES_BETWEEN_PACKAGES;

    @ArchTest
    static final ArchRule onlyTheSystemClockReadsTheTime = CoreRules.ONLY_THE_SYSTEM_CLOCK_READS_THE_TIME;

    @ArchTest
    static final ArchRule coreDependsOnlyOnJdkSlf4jAndIcal4j = CoreRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ICAL4J;

    @ArchTest
    static final ArchRule outboundPortsAreNamedPort = CoreRules.OUTBOUND_PORTS_ARE_NAMED_PORT;

    @ArchTest
    static final ArchRule inboundPortsAreUseCases = CoreRules.INBOUND_PORTS_ARE_USE_CASES;
}
