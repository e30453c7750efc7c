package io.bokit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * {@code bokit.executor.virtual-threads}: syncs on virtual threads on Java 21 and later, a clear refusal before.
 * CI runs this class on the Temurin 25 JDK too ({@code .ci/check-java25}).
 */
class VirtualThreadsTest {
    private static final String URL = "https://www.airbnb.com/calendar/ical/1.ics?s=SECRET";

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void theExecutorRunsTasksOnNamedVirtualThreads() throws Throwable {
        try (SyncExecutor executor = new SyncExecutor(1, 1, Duration.ofSeconds(5), true)) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);

            executor.execute(() -> {
                ranOn.set(Thread.currentThread());
                done.countDown();
            });

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(isVirtual(ranOn.get())).isTrue();
            assertThat(ranOn.get().getName()).startsWith("bokit-sync-");
        }
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void theRequestHooksSyncRunsOnAVirtualThreadWhenTheSettingIsOn() throws Throwable {
        // given a host with the setting on and one feed due
        InMemoryFeedSource feeds = new InMemoryFeedSource();
        feeds.serve(FeedUrl.parse(URL), ICalFeedBuilder.airbnb().build());
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch completed = new CountDownLatch(1);
        BokitSettings settings = BokitSettings.fromProperties(Map.of(
                "bokit.executor.virtual-threads", "true",
                "bokit.install-complete", "true"));
        assertThat(settings.executorVirtualThreads()).isTrue();
        try (BokitHost host = BokitHost.builder(BokitSettings.builder()
                        .executorVirtualThreads(true)
                        .installComplete(true)
                        .calendar(
                                "sea",
                                new CalendarDeclaration(null, null, Map.of("airbnb", new FeedDeclaration(URL, null))))
                        .build())
                .options(new InMemoryOptions())
                .syncState(new InMemorySyncState())
                .catalog(new InMemoryFeedCatalog())
                .bookings(new InMemoryBookingStore())
                .clock(MutableClock.at("2026-12-01T10:00:00Z"))
                .fetcher(feeds)
                .listener(new SyncListener() {
                    @Override
                    public void runCompleted(SyncReport report) {
                        ranOn.set(Thread.currentThread());
                        completed.countDown();
                    }
                })
                .build()) {

            // when a page is served
            host.trigger().afterResponse("/bookings");

            // then the run happened on one of bokit's virtual threads
            assertThat(completed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(isVirtual(ranOn.get())).isTrue();
            assertThat(ranOn.get().getName()).startsWith("bokit-sync-");
        }
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void refusesVirtualThreadsBeforeJava21NamingTheProperty() {
        assertThatThrownBy(() -> BokitSettings.fromProperties(Map.of("bokit.executor.virtual-threads", "true")))
                .isInstanceOf(BokitConfigurationException.class)
                .hasMessage("Invalid bokit.executor.virtual-threads: needs Java 21 or later");
        assertThatThrownBy(() -> new SyncExecutor(1, 1, Duration.ofSeconds(1), true))
                .hasMessageContaining("bokit.executor.virtual-threads needs Java 21 or later");
    }

    @Test
    void staysOnPlatformThreadsByDefault() throws Throwable {
        assertThat(BokitSettings.defaults().executorVirtualThreads()).isFalse();
        try (SyncExecutor executor = new SyncExecutor(1, 1, Duration.ofSeconds(5))) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            executor.execute(() -> {
                ranOn.set(Thread.currentThread());
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Runtime.version().feature() < 21 || !isVirtual(ranOn.get()))
                    .isTrue();
        }
    }

    /** {@code Thread.isVirtual()}, which this Java 17 source cannot name. */
    private static boolean isVirtual(Thread thread) throws Throwable {
        MethodHandle isVirtual = MethodHandles.publicLookup()
                .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        return (boolean) isVirtual.invoke(thread);
    }
}
