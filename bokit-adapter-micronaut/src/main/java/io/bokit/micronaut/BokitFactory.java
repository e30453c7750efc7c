package io.bokit.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.host.SyncExecutor;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.BokitJdbc;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wires bokit's core over the application's {@link DataSource}: the JDBC stores, the HTTP fetcher,
 * every {@link SyncListener} bean and bokit's own bounded executor. A {@link ClockPort} or an
 * {@link ICalFeedPort} bean of the application replaces the default one.
 */
@Factory
@Requires(property = BokitConfiguration.PREFIX + ".enabled", notEquals = StringUtils.FALSE)
final class BokitFactory {
    static final String NO_DATA_SOURCE = "bokit needs a javax.sql.DataSource bean and the application has none: "
            + "add io.micronaut.sql:micronaut-jdbc-hikari and a JDBC driver (e.g. com.h2database:h2) to the "
            + "dependencies and set datasources.default.url, or set bokit.enabled=false";

    /** Where the hook's check and the sync run: bounded, shut down when the context closes. */
    @Singleton
    @Bean(preDestroy = "close")
    SyncExecutor bokitExecutor(BokitConfiguration.Executor executor) {
        return new SyncExecutor(executor.getThreads(), executor.getQueueCapacity(), executor.getShutdownTimeout());
    }

    /**
     * The core, built eagerly so a missing DataSource, an unreachable database or a bad calendar or feed
     * property fails the startup. The environment is injected for the feeds' URLs, which are read from
     * it and never bound to a bean (see {@link StartupRegistration}).
     */
    @Context
    Bokit bokit(
            BokitConfiguration config,
            BokitConfiguration.Schema schema,
            BokitConfiguration.Http http,
            BeanProvider<DataSource> dataSources,
            BeanProvider<ClockPort> clocks,
            BeanProvider<ICalFeedPort> fetchers,
            List<SyncListener> listeners,
            List<CalendarConfiguration> calendars,
            Environment environment,
            SyncExecutor executor) {
        if (!dataSources.isPresent()) {
            throw new ConfigurationException(NO_DATA_SOURCE);
        }
        ClockPort clock = clocks.isPresent() ? clocks.get() : ClockPort.system();
        BokitJdbc stores = BokitJdbc.builder(dataSources.get())
                .tablePrefix(schema.getTablePrefix())
                .initialize(schema.getInitialize())
                .dbTime(config.isDbTime())
                .build();
        Bokit.Builder builder = Bokit.builder()
                .options(stores.options())
                .syncState(stores.syncState())
                .catalog(stores.feedCatalog())
                .bookings(stores.bookingStore())
                .fetcher(fetchers.isPresent() ? fetchers.get() : new HttpFeedFetcher(fetchSettings(http, clock)))
                .clock(clock)
                .settings(runSettings(config))
                .checkExecutor(executor.asExecutor())
                .runExecutor(executor.asExecutor());
        listeners.forEach(builder::listener);
        Bokit bokit = builder.build();
        new StartupRegistration(bokit, environment).apply(config, calendars);
        return bokit;
    }

    static RunSettings runSettings(BokitConfiguration config) {
        RunSettings settings = RunSettings.defaults()
                .withLeaseFor(config.getLeaseDuration())
                .withRefreshPeriod(config.getRefreshPeriod());
        try {
            return settings.withParallelHosts(config.getParallelHosts());
        } catch (InvalidInputException e) {
            throw new ConfigurationException("Invalid bokit.parallel-hosts: " + e.getMessage(), e);
        }
    }

    static HttpFetchSettings fetchSettings(BokitConfiguration.Http http, ClockPort clock) {
        HttpFetchSettings.Builder settings = HttpFetchSettings.builder()
                .connectTimeout(http.getConnectTimeout())
                .requestTimeout(http.getRequestTimeout())
                .maxBodyBytes(http.getMaxBodySize())
                .clock(clock);
        http.getUserAgent().filter(agent -> !agent.isBlank()).ifPresent(settings::userAgent);
        http.getAllowedPrivateAddresses().stream()
                .map(String::strip)
                .filter(cidr -> !cidr.isEmpty())
                .forEach(settings::allow);
        return settings.build();
    }
}
