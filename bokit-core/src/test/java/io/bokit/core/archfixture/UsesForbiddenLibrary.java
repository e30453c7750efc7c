package io.bokit.core.archfixture;

import io.micronaut.fake.FakeMicronautBean;
import java.net.http.HttpClient;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.fake.FakeSpringBean;
import picocli.fake.FakePicocliCommand;

/** Deliberate violations: core classes using a framework, JDBC or the JDK HTTP client. */
public final class UsesForbiddenLibrary {

    private UsesForbiddenLibrary() {}

    public static final class Spring {
        FakeSpringBean bean;
    }

    public static final class Micronaut {
        FakeMicronautBean bean;
    }

    public static final class Picocli {
        FakePicocliCommand command;
    }

    public static final class JavaSql {
        Connection connection;
    }

    public static final class JavaxSql {
        DataSource dataSource;
    }

    public static final class JavaNetHttp {
        HttpClient client;
    }
}
