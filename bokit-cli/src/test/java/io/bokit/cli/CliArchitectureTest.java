package io.bokit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class CliArchitectureTest {
    /** bokit-jdbc's public face: the CLI may use these, and nothing else of the JDBC adapter. */
    private static final DescribedPredicate<JavaClass> JDBC_INTERNALS =
            new DescribedPredicate<>(
                    "JDBC adapter internals (anything in io.bokit.jdbc but BokitJdbc, its builder and InitializeMode)") {
                @Override
                public boolean test(JavaClass type) {
                    return type.getPackageName().equals("io.bokit.jdbc")
                            && !type.getName().equals("io.bokit.jdbc.BokitJdbc")
                            && !type.getName().equals("io.bokit.jdbc.BokitJdbc$Builder")
                            && !type.getName().equals("io.bokit.jdbc.InitializeMode");
                }
            };

    /** The CLI rule: no web framework, and the store only through bokit-jdbc's builder. */
    static final ArchRule CLI_USES_NO_FRAMEWORK_AND_ONLY_THE_JDBC_BUILDER = noClasses()
            .that()
            .resideInAPackage("io.bokit.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "io.micronaut..", "jakarta..")
            .orShould()
            .dependOnClassesThat(JDBC_INTERNALS)
            .because("the CLI is a plain picocli program that builds the core over bokit-jdbc's public builder; "
                    + "it must not pull in a web framework or depend on the JDBC adapter's internals")
            .allowEmptyShould(false);

    @Test
    void theCliUsesNoFrameworkAndOnlyTheJdbcBuilder() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.cli");

        CLI_USES_NO_FRAMEWORK_AND_ONLY_THE_JDBC_BUILDER.check(main);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses violating = new ClassFileImporter().importClasses(ReachesIntoTheJdbcAdapter.class);

        assertThat(CLI_USES_NO_FRAMEWORK_AND_ONLY_THE_JDBC_BUILDER
                        .evaluate(violating)
                        .hasViolation())
                .isTrue();
    }

    /** A deliberate violation: the CLI reaching past BokitJdbc into the adapter's tables. */
    static final class ReachesIntoTheJdbcAdapter {
        io.bokit.jdbc.TablePrefix prefix;
    }
}
