package io.bokit.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Data sources that misbehave on purpose, built with {@link Proxy} so they work with any driver. */
final class DataSources {
    private DataSources() {}

    /** A data source that always hands out one connection (a caller's, in its transaction) and never closes it. */
    static DataSource single(Connection connection) {
        Connection unclosable = proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().equals("close")) {
                return null;
            }
            return method.invoke(connection, args);
        });
        return proxy(DataSource.class, null, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                return unclosable;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    /**
     * A data source over {@code target} that counts, across all its connections, every statement run
     * inside a transaction (auto-commit off) and every commit, while {@code faults} is armed; the one
     * numbered {@link StatementFaults#failAt()} fails as {@link StatementFaults} describes.
     */
    static DataSource failingStatement(DataSource target, StatementFaults faults) {
        return proxy(DataSource.class, target, (method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof Connection connection) {
                return failingConnection(connection, faults);
            }
            return result;
        });
    }

    /**
     * A data source over {@code target} that refuses every {@code getConnection} while {@code down} is
     * set, as a pool does when the database cannot be reached, counting the refusals in {@code refused}.
     */
    static DataSource unreachable(DataSource target, AtomicBoolean down, AtomicInteger refused) {
        return proxy(DataSource.class, target, (method, args) -> {
            if (method.getName().equals("getConnection") && down.get()) {
                refused.incrementAndGet();
                throw new SQLTransientConnectionException("Injected failure: the database cannot be reached", "08001");
            }
            return method.invoke(target, args);
        });
    }

    /**
     * A data source over {@code target} that counts the transactions its connections open (auto-commit
     * turned off) in {@code transactions}, and holds the first statement whose SQL starts with {@code
     * sqlStart} before it runs: it counts {@code reached} down, then waits (at most 30 s) for {@code
     * release}.
     */
    static DataSource holdingFirst(
            DataSource target,
            String sqlStart,
            CountDownLatch reached,
            CountDownLatch release,
            AtomicInteger transactions) {
        AtomicBoolean held = new AtomicBoolean();
        return proxy(DataSource.class, target, (method, args) -> {
            Object result = method.invoke(target, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return proxy(Connection.class, connection, (call, callArgs) -> {
                if (call.getName().equals("setAutoCommit") && Boolean.FALSE.equals(callArgs[0])) {
                    transactions.incrementAndGet();
                }
                Object made = call.invoke(connection, callArgs);
                if (!(made instanceof PreparedStatement statement)
                        || !((String) callArgs[0]).startsWith(sqlStart)
                        || !held.compareAndSet(false, true)) {
                    return made;
                }
                return proxy(PreparedStatement.class, statement, (run, runArgs) -> {
                    if (run.getName().startsWith("execute")) {
                        reached.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    return run.invoke(statement, runArgs);
                });
            });
        });
    }

    private static Connection failingConnection(Connection connection, StatementFaults faults) {
        return proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().equals("commit") && faults.fails(connection, "commit")) {
                // the commit never reaches the database: the transaction is not committed
                throw faults.failure();
            }
            Object result = method.invoke(connection, args);
            if (result instanceof Statement statement) {
                return countingStatement(connection, statement, faults);
            }
            return result;
        });
    }

    private static Statement countingStatement(Connection connection, Statement statement, StatementFaults faults) {
        Class<? extends Statement> type = statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return proxy(type, statement, (call, callArgs) -> {
            String name = call.getName();
            if (name.startsWith("execute") && faults.fails(connection, name)) {
                call.invoke(statement, callArgs);
                throw faults.failure();
            }
            return call.invoke(statement, callArgs);
        });
    }

    /**
     * Which statement of a transaction fails, and how; thread-safe. Counts the statements ({@code
     * execute…} calls) and commits of transactions while armed; statement number {@code failAt} (from 1;
     * 0 for none) runs {@code beforeFailing} (on PostgreSQL: terminate the connection's server process)
     * and then fails with an {@link SQLException} whatever the driver did. A failing statement has been
     * sent to the database; a failing commit has not.
     */
    static final class StatementFaults {
        private final int failAt;
        private final ConnectionAction beforeFailing;
        private final AtomicInteger counted = new AtomicInteger();
        private final List<String> names = new CopyOnWriteArrayList<>();
        private volatile boolean armed;

        StatementFaults(int failAt, ConnectionAction beforeFailing, boolean armed) {
            this.failAt = failAt;
            this.beforeFailing = beforeFailing;
            this.armed = armed;
        }

        /** The number of the statement that fails, from 1; 0 for none. */
        int failAt() {
            return failAt;
        }

        /** Starts or stops counting. */
        void arm(boolean value) {
            armed = value;
        }

        /** The statements and commits counted so far, by method name, in order. */
        List<String> counted() {
            return List.copyOf(names);
        }

        /** Whether the statement numbered {@link #failAt()} was reached (and so failed). */
        boolean injected() {
            return failAt > 0 && counted.get() >= failAt;
        }

        private boolean fails(Connection connection, String name) throws SQLException {
            if (!armed || connection.getAutoCommit()) {
                return false;
            }
            names.add(name);
            if (counted.incrementAndGet() != failAt) {
                return false;
            }
            beforeFailing.run(connection);
            return true;
        }

        private SQLException failure() {
            return new SQLTransientConnectionException("Injected failure of statement " + failAt, "08006");
        }
    }

    /** Something done to a connection just before it fails. */
    @FunctionalInterface
    interface ConnectionAction {
        void run(Connection connection) throws SQLException;
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        Object proxy = Proxy.newProxyInstance(
                DataSources.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> self == args[0];
                            case "hashCode" -> System.identityHashCode(self);
                            default -> type.getSimpleName() + " proxy";
                        };
                    }
                    try {
                        return handler.handle(method, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return type.cast(proxy);
    }
}
