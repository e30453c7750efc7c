package io.bokit.host.archfixture;

import io.micronaut.fake.FakeMicronautBean;
import org.springframework.fake.FakeSpringBean;
import picocli.fake.FakePicocliCommand;

/** Deliberate violations: host classes depending on a framework (fakes under the frameworks' package names). */
public final class UsesAFramework {

    private UsesAFramework() {}

    public static final class Spring {
        FakeSpringBean bean;
    }

    public static final class Micronaut {
        FakeMicronautBean bean;
    }

    public static final class Picocli {
        FakePicocliCommand command;
    }
}
