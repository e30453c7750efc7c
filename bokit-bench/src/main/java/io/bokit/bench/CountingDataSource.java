package io.bokit.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts the rows bokit writes to the booking and history tables, by watching the
 * prepared statements it executes: the update counts the database reports for every {@code INSERT INTO
 * <prefix>booking}, {@code UPDATE <prefix>booking} and {@code INSERT INTO <prefix>booking_history} (single, multi-row
 * or batched) are the rows written. So "an unchanged re-sync writes no booking row" is counted, not assumed.
 * Thread-safe.
 */
final class CountingDataSource implements DataSource {
    private final DataSource target;
    private final String insertBooking;
    private final String updateBooking;
    private final String insertHistory;
    private final LongAdder bookingInserts = new LongAdder();
    private final LongAdder bookingUpdates = new LongAdder();
    private final LongAdder historyInserts = new LongAdder();
    private final LongAdder statements = new LongAdder();

    CountingDataSource(DataSource target, String tablePrefix) {
        this.target = target;
        this.insertBooking = "INSERT INTO " + tablePrefix + "booking ";
        this.updateBooking = "UPDATE " + tablePrefix + "booking ";
        this.insertHistory = "INSERT INTO " + tablePrefix + "booking_history ";
    }

    /** What has been counted so far. */
    Counts counts() {
        return new Counts(bookingInserts.sum(), bookingUpdates.sum(), historyInserts.sum(), statements.sum());
    }

    /**
     * Rows and statements counted.
     *
     * @param bookingInserts booking rows inserted
     * @param bookingUpdates booking rows updated
     * @param historyInserts change-history rows inserted
     * @param statements SQL statements executed (every kind, a batch counts once)
     */
    record Counts(long bookingInserts, long bookingUpdates, long historyInserts, long statements) {
        /** Booking rows written: inserts plus updates. */
        long bookingRows() {
            return bookingInserts + bookingUpdates;
        }

        /** What was counted since {@code before}. */
        Counts minus(Counts before) {
            return new Counts(
                    bookingInserts - before.bookingInserts,
                    bookingUpdates - before.bookingUpdates,
                    historyInserts - before.historyInserts,
                    statements - before.statements);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(target.getConnection(username, password));
    }

    private Connection connection(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                return statement((PreparedStatement) result, sql);
            }
            return result;
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private PreparedStatement statement(PreparedStatement statement, String sql) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        LongAdder rows = head.startsWith(insertBooking.toUpperCase(Locale.ROOT))
                ? bookingInserts
                : head.startsWith(updateBooking.toUpperCase(Locale.ROOT))
                        ? bookingUpdates
                        : head.startsWith(insertHistory.toUpperCase(Locale.ROOT)) ? historyInserts : null;
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            boolean update = name.equals("executeUpdate") || name.equals("executeLargeUpdate");
            boolean batch = name.equals("executeBatch") || name.equals("executeLargeBatch");
            if (update || batch || name.equals("execute") || name.equals("executeQuery")) {
                statements.increment();
            }
            Object result = invoke(statement, method, args);
            if (rows != null) {
                rows.add(rowsWritten(result));
            }
            return result;
        };
        return (PreparedStatement) Proxy.newProxyInstance(
                PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, handler);
    }

    /** The rows an execution reports written: an update count, or a batch's counts (a count unknown is one row). */
    private static long rowsWritten(Object result) {
        if (result instanceof Integer count) {
            return Math.max(0, count);
        }
        if (result instanceof Long count) {
            return Math.max(0, count);
        }
        long rows = 0;
        if (result instanceof int[] counts) {
            for (int count : counts) {
                rows += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
            }
        } else if (result instanceof long[] counts) {
            for (long count : counts) {
                rows += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
            }
        }
        return rows;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
