package io.bokit.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class SpringAdapterArchitectureTest {
    /** The adapter rule: Spring glue over the core's use cases and the JDBC and HTTP adapters' public API. */
    static final ArchRule SPRING_ADAPTER_DEPENDENCIES = classes()
            .that()
            .resideInAPackage("io.bokit.spring..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "javax.sql..",
                    "jakarta.servlet..",
                    "org.slf4j..",
                    "org.springframework..",
                    "io.micrometer..",
                    "io.bokit.spring..",
                    "io.bokit.core.application..",
                    "io.bokit.core.domain..",
                    "io.bokit.core.port.in..",
                    "io.bokit.core.port.out..",
                    "io.bokit.jdbc..",
                    "io.bokit.http..")
            .because("the Spring adapter only assembles bokit from its builders; it must not reach into the iCal "
                    + "mapping, the testkit, or another framework (Micronaut, picocli)")
            .allowEmptyShould(false);

    @Test
    void theSpringAdapterDependsOnlyOnSpringAndBokitsPublicApi() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.spring");

        SPRING_ADAPTER_DEPENDENCIES.check(main);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses violating = new ClassFileImporter().importClasses(UsesTheTestkit.class);

        assertThat(SPRING_ADAPTER_DEPENDENCIES.evaluate(violating).hasViolation())
                .isTrue();
    }

    /** A deliberate violation: the adapter reaching into the testkit. */
    static final class UsesTheTestkit {
        io.bokit.testkit.MutableClock clock;
    }
}
