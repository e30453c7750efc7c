package io.bokit.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.HostReservationsPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.host.dashboard.DashboardGuard;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Starts bokit through {@link BokitHost}: the settings from {@link BokitConfiguration} and the
 * environment, the application's {@link DataSource}, and any bean of a port (clock, options, sync
 * state, feed catalog, booking store, fetcher) in place of the default one, plus every
 * {@link SyncListener} bean and every {@link BokitHostCustomizer} bean.
 */
@Factory
@Requires(property = BokitSettings.ENABLED, notEquals = StringUtils.FALSE)
final class BokitFactory {
    /**
     * The host, built eagerly so a missing DataSource, an unreachable database or a bad property fails
     * the startup; closed (its executor stopped) with the context.
     */
    @Context
    @Bean(preDestroy = "close")
    BokitHost bokitHost(
            BokitConfiguration config,
            PropertyResolver environment,
            BeanProvider<DataSource> dataSource,
            BeanProvider<ClockPort> clock,
            BeanProvider<OptionsPort> options,
            BeanProvider<SyncStatePort> syncState,
            BeanProvider<FeedCatalogPort> catalog,
            BeanProvider<BookingStorePort> bookings,
            BeanProvider<ICalFeedPort> fetcher,
            BeanProvider<HostReservationsPort> hostReservations,
            BeanProvider<DashboardGuard> dashboardGuard,
            List<SyncListener> listeners,
            List<BokitHostCustomizer> customizers) {
        BokitHost.Builder host = BokitHost.builder(settings(config, environment))
                .dataSource(() -> dataSource.isPresent() ? dataSource.get() : null);
        clock.ifPresent(host::clock);
        options.ifPresent(host::options);
        syncState.ifPresent(host::syncState);
        catalog.ifPresent(host::catalog);
        bookings.ifPresent(host::bookings);
        fetcher.ifPresent(host::fetcher);
        hostReservations.ifPresent(host::hostReservations);
        dashboardGuard.ifPresent(host::dashboardGuard);
        listeners.forEach(host::listener);
        customizers.forEach(customizer -> customizer.customize(host));
        return host.build();
    }

    /** The core, for the application's own code. */
    @Singleton
    Bokit bokit(BokitHost host) {
        return host.bokit();
    }

    /**
     * The settings: the bound properties, and the calendars and feeds read from the environment as
     * sub-maps, never bound to a bean nor resolved one by one: Micronaut traces both at TRACE with
     * their values, and a feed URL carries a secret token. Every check is {@link BokitSettings}'s.
     */
    static BokitSettings settings(BokitConfiguration config, PropertyResolver environment) {
        BokitConfiguration.Executor executor = config.getExecutor();
        BokitConfiguration.Http http = config.getHttp();
        BokitSettings.Builder settings = BokitSettings.builder()
                .dbTime(config.getDbTime().orElse(null))
                .leaseDuration(config.getLeaseDuration().orElse(null))
                .refreshPeriod(config.getRefreshPeriod().orElse(null))
                .parallelHosts(config.getParallelHosts().orElse(null))
                .defaultInterval(config.getDefaultInterval().orElse(null))
                .installComplete(config.getInstallComplete().orElse(null))
                .triggerEnabled(config.getTrigger().getEnabled().orElse(null))
                .excludedPaths(config.getTrigger().getExcludedPaths().orElse(null))
                .additionalExcludedPaths(
                        config.getTrigger().getAdditionalExcludedPaths().orElse(null))
                .exportEnabled(config.getExport().getEnabled().orElse(null))
                .exportPath(config.getExport().getPath().orElse(null))
                .dashboardEnabled(config.getDashboard().getEnabled().orElse(null))
                .dashboardPath(config.getDashboard().getPath().orElse(null))
                .dashboardRole(config.getDashboard().getRole().orElse(null))
                .executorThreads(executor.getThreads().orElse(null))
                .executorQueueCapacity(executor.getQueueCapacity().orElse(null))
                .executorShutdownTimeout(executor.getShutdownTimeout().orElse(null))
                .executorVirtualThreads(executor.getVirtualThreads().orElse(null))
                .schemaInitialize(config.getSchema().getInitialize().orElse(null))
                .tablePrefix(config.getSchema().getTablePrefix().orElse(null))
                .databaseMaxConnections(config.getDatabase().getMaxConnections().orElse(null))
                .httpConnectTimeout(http.getConnectTimeout().orElse(null))
                .httpRequestTimeout(http.getRequestTimeout().orElse(null))
                .httpMaxBodyBytes(http.getMaxBodySize().orElse(null))
                .httpUserAgent(http.getUserAgent().orElse(null))
                .allowedPrivateAddresses(http.getAllowedPrivateAddresses().orElse(null));
        for (String key : new TreeSet<>(environment.getPropertyEntries(BokitSettings.CALENDARS))) {
            String property = BokitSettings.CALENDARS + "." + key;
            Map<String, FeedDeclaration> feeds = new TreeMap<>();
            for (String id : environment.getPropertyEntries(property + ".feeds")) {
                Map<String, Object> feed = environment.getProperties(property + ".feeds." + id);
                feeds.put(id, new FeedDeclaration(text(feed.get("url")), text(feed.get("name"))));
            }
            Map<String, Object> calendar = environment.getProperties(property);
            settings.calendar(
                    key, new CalendarDeclaration(text(calendar.get("name")), text(calendar.get("zone")), feeds));
        }
        return settings.build();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
