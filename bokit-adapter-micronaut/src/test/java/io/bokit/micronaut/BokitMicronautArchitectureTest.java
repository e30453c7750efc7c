package io.bokit.micronaut;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.bokit.core.application.Bokit;
import io.bokit.core.application.SyncHealth;
import io.bokit.core.domain.FeedId;
import io.bokit.core.port.out.ClockPort;
import io.bokit.host.BokitHost;
import io.bokit.jdbc.InitializeMode;
import io.micronaut.context.annotation.Factory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BokitMicronautArchitectureTest {
    /**
     * What an adapter may use: the core's domain and ports, the assembled {@link Bokit}, the host layer,
     * and the frameworks and libraries it glues together. {@link SyncHealth} (with its {@link SyncHealth.Status}) is
     * what {@link BokitHost#health()} returns and {@link InitializeMode} the type of
     * {@code BokitSettings.Builder.schemaInitialize}: the only other bokit types the host's API hands out.
     */
    private static final DescribedPredicate<JavaClass> HOST_API_AND_FRAMEWORKS = resideInAnyPackage(
                    "io.bokit.core.domain..",
                    "io.bokit.core.port..",
                    "io.bokit.host..",
                    "io.bokit.micronaut..",
                    "java..",
                    "javax.sql..",
                    "io.micronaut..",
                    "jakarta..",
                    "io.micrometer..",
                    "org.slf4j..",
                    "reactor..",
                    "org.reactivestreams..")
            .or(type(Bokit.class))
            .or(type(Bokit.Builder.class))
            .or(type(SyncHealth.class))
            .or(type(SyncHealth.Status.class))
            .or(type(InitializeMode.class))
            .as("bokit's domain, ports, Bokit, bokit-host, the JDK, Micronaut, Jakarta, Micrometer, SLF4J or Reactor");

    /** The adapter rule, the same for every adapter: framework glue over bokit-host, never the engine or the stores. */
    static final ArchRule MICRONAUT_ADAPTER_USES_ONLY_THE_HOST_API = classes()
            .that()
            .resideInAPackage("io.bokit.micronaut..")
            .should()
            .onlyDependOnClassesThat(HOST_API_AND_FRAMEWORKS)
            .because("an adapter starts bokit through BokitHost and calls its use cases; the engine, the JDBC stores "
                    + "and the HTTP fetcher are the host's business, so every adapter behaves the same")
            .allowEmptyShould(false);

    @Test
    void theMicronautAdapterUsesOnlyTheHostApiAndItsFrameworks() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.micronaut");

        MICRONAUT_ADAPTER_USES_ONLY_THE_HOST_API.check(main);
    }

    @Test
    void theRuleCatchesEachViolation() {
        for (Class<?> violator :
                List.of(ReachesIntoTheEngine.class, WiresTheStoresItself.class, BuildsTheFetcherItself.class)) {
            JavaClasses violating = new ClassFileImporter().importClasses(violator);

            assertThat(MICRONAUT_ADAPTER_USES_ONLY_THE_HOST_API
                            .evaluate(violating)
                            .hasViolation())
                    .as(violator.getSimpleName())
                    .isTrue();
        }
    }

    @Test
    void theRuleLetsGlueOverTheHostPass() {
        JavaClasses glue = new ClassFileImporter().importClasses(GlueOverTheHost.class);

        assertThat(MICRONAUT_ADAPTER_USES_ONLY_THE_HOST_API.evaluate(glue).hasViolation())
                .isFalse();
    }

    /** A deliberate violation: the adapter running the sync engine itself instead of a use case. */
    static final class ReachesIntoTheEngine {
        io.bokit.core.application.SyncJob job;
    }

    /** A deliberate violation: the adapter building the JDBC stores instead of asking the host. */
    static final class WiresTheStoresItself {
        io.bokit.jdbc.BokitJdbc stores;
    }

    /** A deliberate violation: the adapter building the HTTP fetcher instead of asking the host. */
    static final class BuildsTheFetcherItself {
        io.bokit.http.HttpFeedFetcher fetcher;
    }

    /** What the rule allows: a Micronaut factory over the host, the core's ports and domain. */
    @Factory
    static final class GlueOverTheHost {
        BokitHost host;
        ClockPort clock;
        FeedId feed;

        Bokit bokit() {
            return host.bokit();
        }
    }
}
