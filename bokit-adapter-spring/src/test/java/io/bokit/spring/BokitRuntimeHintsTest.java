package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.javapoet.ClassName;

/** Spring's AOT processing of a context with bokit's auto-configuration registers every schema script bokit loads. */
class BokitRuntimeHintsTest {

    @Test
    void aotProcessingOfTheAutoConfigurationRegistersEverySchemaScript() throws IOException {
        // given every schema script in bokit-jdbc's jar
        Resource[] scripts = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + BokitRuntimeHints.SCHEMA_SCRIPTS.replace("*/*", "**/*"));
        List<String> paths = java.util.Arrays.stream(scripts)
                .map(BokitRuntimeHintsTest::classpathPath)
                .toList();
        assertThat(paths)
                .contains("io/bokit/jdbc/schema/h2/V1__bokit.sql", "io/bokit/jdbc/schema/postgresql/V1__bokit.sql");

        // when Spring processes a context holding the auto-configuration ahead of time
        RuntimeHints hints = aotHints();

        // then a native image would contain each of them
        assertThat(paths)
                .allSatisfy(path -> assertThat(RuntimeHintsPredicates.resource().forResource(path))
                        .accepts(hints));
        assertThat(RuntimeHintsPredicates.resource().forResource("io/bokit/jdbc/BokitJdbc.class"))
                .rejects(hints);
    }

    private static RuntimeHints aotHints() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(BokitAutoConfiguration.class);
            DefaultGenerationContext generation = new DefaultGenerationContext(
                    new ClassNameGenerator(ClassName.get("io.bokit.spring.aot", "Test")), new InMemoryGeneratedFiles());
            new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
            return generation.getRuntimeHints();
        }
    }

    private static String classpathPath(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.indexOf("io/bokit/jdbc/schema/"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
