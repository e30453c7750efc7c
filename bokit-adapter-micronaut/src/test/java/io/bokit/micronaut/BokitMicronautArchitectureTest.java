package io.bokit.micronaut;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BokitMicronautArchitectureTest {
    /** bokit's public API as an adapter sees it: the use cases, the ports, the domain and the builders. */
    private static final Set<String> PUBLIC_BUILDERS = Set.of(
            "io.bokit.core.application.Bokit",
            "io.bokit.core.application.Bokit$Builder",
            "io.bokit.core.application.RunSettings",
            "io.bokit.core.application.SyncHealth",
            "io.bokit.host.StatusView",
            "io.bokit.host.PathPatterns",
            "io.bokit.host.SyncExecutor",
            "io.bokit.jdbc.BokitJdbc",
            "io.bokit.jdbc.BokitJdbc$Builder",
            "io.bokit.jdbc.InitializeMode",
            "io.bokit.http.HttpFeedFetcher",
            "io.bokit.http.HttpFetchSettings",
            "io.bokit.http.HttpFetchSettings$Builder",
            "io.bokit.http.CidrRange");

    private static final DescribedPredicate<JavaClass> BOKIT_PUBLIC_API = resideInAnyPackage(
                    "io.bokit.core.domain..", "io.bokit.core.port..", "io.bokit.micronaut..")
            .or(DescribedPredicate.describe(
                    "one of bokit's public builders", type -> PUBLIC_BUILDERS.contains(type.getName())));

    private static final DescribedPredicate<JavaClass> FORBIDDEN = resideInAnyPackage(
                    "org.springframework..", "picocli..")
            .or(resideInAPackage("io.bokit..").and(not(BOKIT_PUBLIC_API)))
            .as("Spring, picocli, or bokit beyond its public API");

    /** The adapter rule: Micronaut glue over bokit's public API, without another adapter's framework. */
    static final ArchRule MICRONAUT_ADAPTER_USES_ONLY_BOKITS_PUBLIC_API = noClasses()
            .that()
            .resideInAPackage("io.bokit.micronaut..")
            .should()
            .dependOnClassesThat(FORBIDDEN)
            .because(
                    "an adapter builds bokit from its public builders and calls its use cases; it never "
                            + "reaches into the engine or the stores' internals, and never mixes in another adapter's framework")
            .allowEmptyShould(false);

    @Test
    void theMicronautAdapterUsesOnlyBokitsPublicApiAndNoOtherFramework() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.micronaut");

        MICRONAUT_ADAPTER_USES_ONLY_BOKITS_PUBLIC_API.check(main);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses violating = new ClassFileImporter().importClasses(ReachesIntoTheEngine.class);

        assertThat(MICRONAUT_ADAPTER_USES_ONLY_BOKITS_PUBLIC_API
                        .evaluate(violating)
                        .hasViolation())
                .isTrue();
    }

    /** A deliberate violation: the adapter running the sync engine itself instead of a use case. */
    static final class ReachesIntoTheEngine {
        io.bokit.core.application.SyncJob job;
    }
}
