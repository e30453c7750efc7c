package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.StorageException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** bokit holds at most its budget of the host's connections, and asks again when the pool times out. */
class ConnectionBudgetTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final AtomicInteger handedOut = new AtomicInteger();

    ConnectionBudgetTest() {
        h2.setURL("jdbc:h2:mem:budget-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void aThirdThreadWaitsForOneOfTheTwoConnectionsOfTheDefaultBudget() throws Exception {
        // given the default budget of two, and two threads each holding a connection
        Jdbc jdbc = new Jdbc(counting(h2));
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            threads.add(start(() -> jdbc.run("hold", connection -> {
                holding.countDown();
                await(finish);
                return null;
            })));
        }
        assertThat(holding.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // when a third thread asks for one
        Thread third = start(() -> jdbc.run("wait", connection -> null));
        awaitWaiting(third);

        // then it waits for bokit's budget without asking the data source
        assertThat(handedOut).hasValue(2);

        // and gets its connection once one is given back
        finish.countDown();
        third.join(DEADLINE.toMillis());
        for (Thread thread : threads) {
            thread.join(DEADLINE.toMillis());
        }
        assertThat(third.isAlive()).isFalse();
        assertThat(handedOut).hasValue(3);
    }

    @Test
    void aThreadThatHoldsAConnectionGetsASecondOneEvenWhenTheBudgetIsSpent() {
        Jdbc jdbc = new Jdbc(counting(h2), 1);

        Integer inner = jdbc.run("outer", outer -> jdbc.run("inner", connection -> 42));

        assertThat(inner).isEqualTo(42);
        assertThat(handedOut).hasValue(2);
    }

    @Test
    void asksThePoolAgainWhenItTimesOut() throws Exception {
        AtomicInteger refusals = new AtomicInteger(2);
        Jdbc jdbc = new Jdbc(timingOut(h2, refusals));

        boolean valid = jdbc.<Boolean>run("read", connection -> connection.isValid(1));
        assertThat(valid).isTrue();
        assertThat(refusals).hasValue(0);
    }

    @Test
    void givesUpAfterThreeTimeoutsWithAStorageErrorAndFreesItsPlace() {
        AtomicInteger refusals = new AtomicInteger(3);
        Jdbc jdbc = new Jdbc(timingOut(h2, refusals), 1);

        assertThatThrownBy(() -> jdbc.run("read the options", connection -> null))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Could not read the options")
                .hasMessageContaining("Connection is not available");
        // the failed attempt did not keep the only place of the budget
        boolean valid = jdbc.<Boolean>run("read", connection -> connection.isValid(1));
        assertThat(valid).isTrue();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsNotAskedAgain() {
        AtomicInteger asked = new AtomicInteger();
        Jdbc jdbc = new Jdbc(proxy(h2, () -> {
            asked.incrementAndGet();
            throw new SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
                    "08001",
                    new java.net.ConnectException("Connection refused"));
        }));

        assertThatThrownBy(() -> jdbc.run("read the options", connection -> null))
                .isInstanceOf(StorageException.class);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aSyncOfManyFeedsWorksWithinABudgetOfOne() {
        BokitJdbc stores = BokitJdbc.builder(counting(h2))
                .maxConnections(1)
                .initialize(InitializeMode.ALWAYS)
                .build();

        assertThat(stores.options().loadAll()).isEmpty();
        assertThatThrownBy(() -> BokitJdbc.builder(h2).maxConnections(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("max connections must be 1 to 64, was 0");
    }

    private DataSource counting(DataSource target) {
        return proxy(target, () -> {
            handedOut.incrementAndGet();
            return target.getConnection();
        });
    }

    private static DataSource timingOut(DataSource target, AtomicInteger refusals) {
        return proxy(target, () -> {
            if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 30000ms.");
            }
            return target.getConnection();
        });
    }

    private static DataSource proxy(DataSource target, ConnectionSource source) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (self, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return source.get();
                    }
                    if (method.getName().equals("getLogWriter")) {
                        return new PrintWriter(System.err);
                    }
                    return method.invoke(target, args);
                });
    }

    private static Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where connections come from. */
    @FunctionalInterface
    private interface ConnectionSource {
        Connection get() throws Exception;
    }
}
