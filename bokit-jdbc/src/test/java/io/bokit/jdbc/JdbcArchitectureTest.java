package io.bokit.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class JdbcArchitectureTest {
    /** The adapter rule: bokit-jdbc is plain JDBC behind the core's outbound ports, nothing more. */
    static final ArchRule JDBC_ADAPTER_DEPENDS_ON_JDK_SLF4J_AND_CORE_PORTS = classes()
            .that()
            .resideInAPackage("io.bokit.jdbc..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "javax.sql..",
                    "org.slf4j..",
                    "io.bokit.jdbc..",
                    "io.bokit.core.domain..",
                    "io.bokit.core.port.out..")
            .because("an adapter implements core ports with one technology (JDBC): no driver classes, no "
                    + "pool, no framework, and no reaching into the core's application services")
            .allowEmptyShould(false);

    @Test
    void theJdbcAdapterDependsOnlyOnTheJdkSlf4jAndTheCorePorts() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.jdbc");

        JDBC_ADAPTER_DEPENDS_ON_JDK_SLF4J_AND_CORE_PORTS.check(main);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses violating = new ClassFileImporter().importClasses(UsesADriverClass.class);

        assertThat(JDBC_ADAPTER_DEPENDS_ON_JDK_SLF4J_AND_CORE_PORTS
                        .evaluate(violating)
                        .hasViolation())
                .isTrue();
    }

    /** A deliberate violation: the JDBC adapter tied to one driver's classes. */
    static final class UsesADriverClass {
        org.h2.jdbcx.JdbcDataSource dataSource;
    }
}
