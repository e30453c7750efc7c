package io.bokit.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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
     * A data source over {@code target} whose statements count their {@code executeBatch} and {@code
     * executeUpdate} calls; the call numbered {@code failAt} (from 1), across all connections, runs {@code
     * beforeFailing} and then fails with an {@link SQLException} (if {@code beforeFailing} did not already
     * make the driver fail).
     */
    static DataSource failingWrite(
            DataSource target, int failAt, AtomicInteger writes, ConnectionAction beforeFailing) {
        return proxy(DataSource.class, target, (method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof Connection connection) {
                return failingConnection(connection, failAt, writes, beforeFailing);
            }
            return result;
        });
    }

    private static Connection failingConnection(
            Connection connection, int failAt, AtomicInteger writes, ConnectionAction beforeFailing) {
        return proxy(Connection.class, connection, (method, args) -> {
            Object result = method.invoke(connection, args);
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, (call, callArgs) -> {
                    String name = call.getName();
                    if ((name.equals("executeBatch") || name.equals("executeUpdate"))
                            && writes.incrementAndGet() == failAt) {
                        beforeFailing.run(connection);
                        call.invoke(statement, callArgs);
                        throw new SQLTransientConnectionException("Injected failure of write " + failAt, "08006");
                    }
                    return call.invoke(statement, callArgs);
                });
            }
            return result;
        });
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
