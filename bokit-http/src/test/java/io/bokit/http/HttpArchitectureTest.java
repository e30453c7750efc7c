package io.bokit.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class HttpArchitectureTest {
    /** The adapter rule: bokit-http speaks HTTP over the JDK's sockets and TLS to the core's outbound port, and nothing else. */
    static final ArchRule HTTP_ADAPTER_DEPENDS_ON_JDK_SLF4J_AND_CORE_PORTS = classes()
            .that()
            .resideInAPackage("io.bokit.http..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "javax.net..",
                    "org.slf4j..",
                    "io.bokit.http..",
                    "io.bokit.core.domain..",
                    "io.bokit.core.port.out..")
            .because("an adapter implements a core port with one technology; it must not reach into the "
                    + "application services or pull in other libraries")
            .allowEmptyShould(false);

    @Test
    void theHttpAdapterDependsOnlyOnTheJdkSlf4jAndTheCorePorts() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.http");

        HTTP_ADAPTER_DEPENDS_ON_JDK_SLF4J_AND_CORE_PORTS.check(main);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses violating = new ClassFileImporter().importClasses(UsesTheApplicationLayer.class);

        assertThat(HTTP_ADAPTER_DEPENDS_ON_JDK_SLF4J_AND_CORE_PORTS
                        .evaluate(violating)
                        .hasViolation())
                .isTrue();
    }

    /** A deliberate violation: the HTTP adapter reaching into the core's application services. */
    static final class UsesTheApplicationLayer {
        io.bokit.core.application.SyncJob job;
    }
}
