package io.bokit.jdbc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class or method that needs the MariaDB server of {@link MariaDbServer}: without one it is skipped,
 * the reason printed once per test JVM, unless the server is required ({@value MariaDbServer#REQUIRED_PROPERTY}),
 * when it runs and fails.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsMariaDb.Condition.class)
public @interface NeedsMariaDb {
    /** Enables the test if a server is named or required; else disables it, saying why. */
    final class Condition implements ExecutionCondition {
        private static final AtomicBoolean TOLD = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (MariaDbServer.named() || Boolean.getBoolean(MariaDbServer.REQUIRED_PROPERTY)) {
                return ConditionEvaluationResult.enabled("a MariaDB server is named or required");
            }
            if (TOLD.compareAndSet(false, true)) {
                System.out.println("[mariadb] MariaDB tests skipped: " + MariaDbServer.MISSING);
            }
            return ConditionEvaluationResult.disabled(MariaDbServer.MISSING);
        }
    }
}
