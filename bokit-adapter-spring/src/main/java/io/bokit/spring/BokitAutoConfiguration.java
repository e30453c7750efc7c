package io.bokit.spring;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.host.SyncExecutor;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.BokitJdbc;
import jakarta.servlet.Filter;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.util.StringUtils;

/**
 * bokit's Spring Boot auto-configuration: the four stores over the application's {@code DataSource},
 * the HTTP fetcher, the bounded sync executor, the assembled {@link Bokit} and the request trigger.
 * Every bean backs off when the application defines its own; {@code bokit.enabled=false} turns it all
 * off. It only delegates to bokit's plain builders.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = BokitProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BokitProperties.class)
public class BokitAutoConfiguration {

    /** The bean name of bokit's sync executor. */
    public static final String EXECUTOR_BEAN = "bokitSyncExecutor";

    /** The clock of every "now"; the system clock unless the application defines one (tests). */
    @Bean
    @ConditionalOnMissingBean
    ClockPort bokitClock() {
        return ClockPort.system();
    }

    /** The four stores over the application's DataSource, transaction-aware; lazy: an application with its own four ports needs no DataSource. */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    BokitJdbc bokitJdbc(ObjectProvider<DataSource> dataSource, BokitProperties properties) {
        DataSource found = dataSource.getIfUnique();
        if (found == null) {
            throw new MissingDataSourceException();
        }
        return BokitJdbc.builder(new TransactionAwareDataSourceProxy(found))
                .tablePrefix(properties.getSchema().getTablePrefix())
                .initialize(properties.getSchema().getInitialize())
                .dbTime(properties.isDbTime())
                .build();
    }

    /** Options in the database. */
    @Bean
    @ConditionalOnMissingBean
    OptionsPort bokitOptions(BokitJdbc jdbc) {
        return jdbc.options();
    }

    /** Last claim and run lease in the database. */
    @Bean
    @ConditionalOnMissingBean
    SyncStatePort bokitSyncState(BokitJdbc jdbc) {
        return jdbc.syncState();
    }

    /** Calendars and feeds in the database. */
    @Bean
    @ConditionalOnMissingBean
    FeedCatalogPort bokitFeedCatalog(BokitJdbc jdbc) {
        return jdbc.feedCatalog();
    }

    /** Bookings and history in the database. */
    @Bean
    @ConditionalOnMissingBean
    BookingStorePort bokitBookingStore(BokitJdbc jdbc) {
        return jdbc.bookingStore();
    }

    /** The fetcher's settings from {@code bokit.http.*}. */
    @Bean
    @ConditionalOnMissingBean
    HttpFetchSettings bokitHttpFetchSettings(BokitProperties properties, ClockPort clock) {
        BokitProperties.Http http = properties.getHttp();
        HttpFetchSettings.Builder builder = HttpFetchSettings.builder()
                .connectTimeout(http.getConnectTimeout())
                .requestTimeout(http.getRequestTimeout())
                .maxBodyBytes(http.getMaxBodySize().toBytes())
                .clock(clock);
        if (StringUtils.hasText(http.getUserAgent())) {
            builder.userAgent(http.getUserAgent());
        }
        http.getAllowedPrivateAddresses().forEach(builder::allow);
        return builder.build();
    }

    /** Fetches feeds over HTTP, behind the SSRF guard. */
    @Bean
    @ConditionalOnMissingBean
    ICalFeedPort bokitFeedFetcher(HttpFetchSettings settings) {
        return new HttpFeedFetcher(settings);
    }

    /** Owner, lease and refresh period from {@code bokit.*}. */
    @Bean
    @ConditionalOnMissingBean
    RunSettings bokitRunSettings(BokitProperties properties) {
        return RunSettings.defaults()
                .withLeaseFor(properties.getLeaseDuration())
                .withRefreshPeriod(properties.getRefreshPeriod())
                .withParallelHosts(properties.getParallelHosts());
    }

    /** The bounded pool where the hook's check and the sync run, never on a request thread. */
    @Bean(name = EXECUTOR_BEAN, destroyMethod = "close")
    @ConditionalOnMissingBean(name = EXECUTOR_BEAN)
    SyncExecutor bokitSyncExecutor(BokitProperties properties) {
        BokitProperties.Executor executor = properties.getExecutor();
        return new SyncExecutor(executor.getThreads(), executor.getQueueCapacity(), executor.getShutdownTimeout());
    }

    /** The assembled core; every {@link SyncListener} bean is registered, then every {@link BokitCustomizer} runs. */
    @Bean
    @ConditionalOnMissingBean
    Bokit bokit(
            OptionsPort options,
            SyncStatePort syncState,
            FeedCatalogPort catalog,
            BookingStorePort bookings,
            ICalFeedPort fetcher,
            ClockPort clock,
            RunSettings settings,
            @Qualifier(EXECUTOR_BEAN) SyncExecutor executor,
            ObjectProvider<SyncListener> listeners,
            ObjectProvider<BokitCustomizer> customizers) {
        Bokit.Builder builder = Bokit.builder()
                .options(options)
                .syncState(syncState)
                .catalog(catalog)
                .bookings(bookings)
                .fetcher(fetcher)
                .clock(clock)
                .settings(settings)
                .checkExecutor(executor.asExecutor())
                .runExecutor(executor.asExecutor());
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Stores the default interval and install gate if unset, and registers the configured calendars and feeds. */
    @Bean
    @ConditionalOnMissingBean
    StartupRegistration bokitStartupRegistration(Bokit bokit, BokitProperties properties) {
        return new StartupRegistration(bokit, properties);
    }

    /** The servlet trigger, registered only in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(Filter.class)
    @ConditionalOnProperty(
            prefix = BokitProperties.PREFIX,
            name = "trigger.enabled",
            havingValue = "true",
            matchIfMissing = true)
    static class TriggerConfiguration {

        /** The filter's registration: every request but the excluded paths, outermost so it runs last. */
        @Bean
        @ConditionalOnMissingBean(name = "bokitTriggerFilter")
        FilterRegistrationBean<BokitTriggerFilter> bokitTriggerFilter(Bokit bokit, BokitProperties properties) {
            FilterRegistrationBean<BokitTriggerFilter> registration =
                    new FilterRegistrationBean<>(new BokitTriggerFilter(
                            bokit.autoSync(), properties.getTrigger().getExcludedPaths()));
            registration.setName("bokitTriggerFilter");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
