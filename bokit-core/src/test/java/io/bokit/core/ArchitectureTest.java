package io.bokit.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Checks every rule of {@link CoreRules} against bokit-core's main code. Test classes are not
 * imported: they include the deliberate violations of {@link ArchitectureRulesCatchViolationsTest}.
 */
@AnalyzeClasses(packages = "io.bokit.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests coreRules = ArchTests.in(CoreRules.class);
}
