package io.bokit.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.bokit.core.application.Bokit;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpringAdapterArchitectureTest {
    /**
     * What a host may use of bokit: the core's domain and ports, {@code bokit-host}, {@link Bokit} with its
     * builder, and the types their public methods take and give (such as {@code SyncHealth},
     * {@code RunSettings}, {@code InitializeMode}), derived from those classes, never listed by hand.
     */
    static final DescribedPredicate<JavaClass> BOKITS_HOST_API =
            new DescribedPredicate<>(
                    "bokit's host API (core domain and ports, bokit-host, Bokit and what they hand out)") {
                private final Set<String> handedOut = handedOut(
                        Bokit.class,
                        Bokit.Builder.class,
                        BokitHost.class,
                        BokitHost.Builder.class,
                        BokitSettings.class,
                        BokitSettings.Builder.class);

                @Override
                public boolean test(JavaClass type) {
                    String name = type.getName();
                    return name.startsWith("io.bokit.core.domain.")
                            || name.startsWith("io.bokit.core.port.")
                            || name.startsWith("io.bokit.host.")
                            || handedOut.contains(name);
                }
            };

    /** The adapter rule: Spring glue over bokit's host API, the same rule for every adapter. */
    static final ArchRule SPRING_ADAPTER_DEPENDENCIES = classes()
            .that()
            .resideInAPackage("io.bokit.spring..")
            .should()
            .onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                            "java..",
                            "javax.sql..",
                            "jakarta..",
                            "org.slf4j..",
                            "org.springframework..",
                            "org.jspecify..",
                            "io.micrometer..",
                            "reactor.core..",
                            "reactor.util.function..",
                            "org.reactivestreams..",
                            "io.bokit.spring..")
                    .or(BOKITS_HOST_API))
            .because("the Spring adapter is framework glue over bokit-host: it must not wire or reach into the "
                    + "engine's services, the JDBC or HTTP adapters' internals, the testkit, or another framework")
            .allowEmptyShould(false);

    @Test
    void theSpringAdapterDependsOnlyOnSpringAndBokitsHostApi() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bokit.spring");

        SPRING_ADAPTER_DEPENDENCIES.check(main);
    }

    @Test
    void theRuleCatchesEveryKindOfViolation() {
        for (Class<?> violation : List.of(
                UsesTheTestkit.class,
                WiresTheJdbcStores.class,
                BuildsTheHttpFetcher.class,
                CallsAnEngineService.class)) {
            JavaClasses violating = new ClassFileImporter().importClasses(violation);

            assertThat(SPRING_ADAPTER_DEPENDENCIES.evaluate(violating).hasViolation())
                    .as(violation.getSimpleName())
                    .isTrue();
        }
    }

    @Test
    void theHostApiIsWhatTheHostHandsOut() {
        JavaClasses api = new ClassFileImporter()
                .importClasses(
                        io.bokit.core.application.SyncHealth.class,
                        io.bokit.jdbc.InitializeMode.class,
                        io.bokit.core.application.AutoSyncService.class,
                        io.bokit.jdbc.BokitJdbc.class);

        assertThat(BOKITS_HOST_API.test(api.get(io.bokit.core.application.SyncHealth.class)))
                .isTrue();
        assertThat(BOKITS_HOST_API.test(api.get(io.bokit.jdbc.InitializeMode.class)))
                .isTrue();
        assertThat(BOKITS_HOST_API.test(api.get(io.bokit.core.application.AutoSyncService.class)))
                .isFalse();
        assertThat(BOKITS_HOST_API.test(api.get(io.bokit.jdbc.BokitJdbc.class))).isFalse();
    }

    /** The classes of every public method's return and parameter types, and the nested types, of these classes. */
    private static Set<String> handedOut(Class<?>... api) {
        Set<String> names = new HashSet<>();
        for (Class<?> type : api) {
            names.add(type.getName());
            for (Method method : type.getMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && method.getDeclaringClass() != Object.class) {
                    Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
                            .filter(handed -> handed.getName().startsWith("io.bokit."))
                            .forEach(handed -> {
                                names.add(handed.getName());
                                Stream.of(handed.getClasses()).forEach(nested -> names.add(nested.getName()));
                            });
                }
            }
        }
        return names;
    }

    /** A deliberate violation: the adapter reaching into the testkit. */
    static final class UsesTheTestkit {
        io.bokit.testkit.MutableClock clock;
    }

    /** A deliberate violation: the adapter wiring the JDBC stores itself. */
    static final class WiresTheJdbcStores {
        Object stores(javax.sql.DataSource dataSource) {
            return io.bokit.jdbc.BokitJdbc.builder(dataSource).build();
        }
    }

    /** A deliberate violation: the adapter building the HTTP fetcher itself. */
    static final class BuildsTheHttpFetcher {
        io.bokit.http.HttpFeedFetcher fetcher;
    }

    /** A deliberate violation: the adapter calling an engine service rather than {@code Bokit}. */
    static final class CallsAnEngineService {
        io.bokit.core.application.AutoSyncService hook;
    }
}
