package io.bokit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.application.Bokit;
import io.bokit.host.SyncExecutor;
import io.bokit.jdbc.InitializeMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BokitContextTest {

    @Test
    void defaultsWireTheCoreTheTriggerTheEndpointAndTheHealthIndicator() {
        try (ApplicationContext context = TestApp.withDatabase().run()) {
            assertThat(context.containsBean(Bokit.class)).isTrue();
            assertThat(context.containsBean(BokitTriggerFilter.class)).isTrue();
            assertThat(context.containsBean(BokitEndpoint.class)).isTrue();
            assertThat(context.containsBean(BokitHealthIndicator.class)).isTrue();
            assertThat(context.containsBean(BokitMetrics.class)).isFalse(); // no MeterRegistry

            BokitConfiguration config = context.getBean(BokitConfiguration.class);
            assertThat(config.isEnabled()).isTrue();
            assertThat(config.getLeaseDuration()).isEqualTo(Duration.ofMinutes(15));
            assertThat(config.getRefreshPeriod()).isEqualTo(Duration.ofSeconds(60));
            assertThat(config.getDefaultInterval()).isEmpty();
            assertThat(config.getInstallComplete()).isEmpty();
            assertThat(config.isDbTime()).isTrue();
            assertThat(config.getTrigger().isEnabled()).isTrue();
            assertThat(config.getTrigger().getExcludedPaths()).contains("/health/**", "/bokit/**", "/static/**");
            assertThat(config.getSchema().getInitialize()).isEqualTo(InitializeMode.EMBEDDED);
            assertThat(config.getSchema().getTablePrefix()).isEqualTo("bokit_");
            assertThat(config.getHttp().getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(config.getHttp().getRequestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(config.getHttp().getMaxBodySize()).isEqualTo(10L * 1024 * 1024);
            assertThat(config.getHttp().getUserAgent()).isEmpty();
            assertThat(config.getHttp().getAllowedPrivateAddresses()).allMatch(String::isBlank);
            assertThat(config.getParallelHosts()).isEqualTo(4);
            assertThat(config.getExecutor().getThreads()).isEqualTo(2);
            assertThat(config.getExecutor().getQueueCapacity()).isEqualTo(8);
            assertThat(config.getExecutor().getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));

            Bokit bokit = context.getBean(Bokit.class);
            assertThat(bokit.options().get("sync.interval").isDefault()).isTrue(); // the schema is there
            assertThat(bokit.options().current().installComplete()).isFalse();
            assertThat(bokit.feeds().calendars()).isEmpty();
        }
    }

    @Test
    void disabledRemovesEveryBokitBean() {
        try (ApplicationContext context =
                TestApp.withDatabase().with("bokit.enabled", false).run()) {
            assertThat(context.containsBean(Bokit.class)).isFalse();
            assertThat(context.containsBean(SyncExecutor.class)).isFalse();
            assertThat(context.containsBean(BokitTriggerFilter.class)).isFalse();
            assertThat(context.containsBean(BokitEndpoint.class)).isFalse();
            assertThat(context.containsBean(BokitHealthIndicator.class)).isFalse();
        }
    }

    @Test
    void disabledNeedsNoDataSource() {
        try (ApplicationContext context =
                TestApp.withoutDatabase().with("bokit.enabled", false).run()) {
            assertThat(context.containsBean(Bokit.class)).isFalse();
        }
    }

    @Test
    void triggerOffKeepsTheCoreButNotTheFilter() {
        try (ApplicationContext context =
                TestApp.withDatabase().with("bokit.trigger.enabled", false).run()) {
            assertThat(context.containsBean(Bokit.class)).isTrue();
            assertThat(context.containsBean(BokitTriggerFilter.class)).isFalse();
        }
    }

    @Test
    void missingDataSourceFailsTheStartupSayingWhatToAdd() {
        assertThatThrownBy(() -> TestApp.withoutDatabase().run().close())
                .hasStackTraceContaining("bokit needs a javax.sql.DataSource bean")
                .hasStackTraceContaining("io.micronaut.sql:micronaut-jdbc-hikari")
                .hasStackTraceContaining("bokit.enabled=false");
    }

    @Test
    void metricsAppearWithAMeterRegistry() {
        try (ApplicationContext context =
                TestApp.withDatabase().withBean(new SimpleMeterRegistry()).run()) {
            assertThat(context.containsBean(BokitMetrics.class)).isTrue();
        }
    }

    @Test
    void theExecutorShutsDownWithTheContext() {
        SyncExecutor executor;
        try (ApplicationContext context = TestApp.withDatabase().run()) {
            executor = context.getBean(SyncExecutor.class);
            assertThat(executor.isTerminated()).isFalse();
        }
        assertThat(executor.isTerminated()).isTrue();
    }

    @Test
    void theTriggerSkipsExcludedPaths() {
        try (ApplicationContext context = TestApp.withDatabase().run()) {
            BokitTriggerFilter filter = context.getBean(BokitTriggerFilter.class);
            assertThat(filter.excluded("/health")).isTrue();
            assertThat(filter.excluded("/health/liveness")).isTrue();
            assertThat(filter.excluded("/bokit")).isTrue();
            assertThat(filter.excluded("/static/app.css")).isTrue();
            assertThat(filter.excluded("/favicon.ico")).isTrue();
            assertThat(filter.excluded("/")).isFalse();
            assertThat(filter.excluded("/bookings")).isFalse();
            assertThat(filter.excluded("/healthy-food")).isFalse();
        }
    }
}
