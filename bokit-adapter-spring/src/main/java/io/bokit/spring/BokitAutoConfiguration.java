package io.bokit.spring;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.HostReservationsPort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.OptionsPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.core.port.out.SyncStatePort;
import io.bokit.host.BokitHost;
import io.bokit.host.dashboard.DashboardGuard;
import io.bokit.host.servlet.BokitDashboardServlet;
import io.bokit.host.servlet.BokitExportServlet;
import io.bokit.host.servlet.BokitServletFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.concurrent.Executor;
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
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * bokit's Spring Boot auto-configuration: one {@link BokitHost} built from {@code bokit.*} over the
 * application's {@code DataSource}, its {@link Bokit}, and the request trigger. A bean of the
 * application's own replaces bokit's part of that type (any port, the clock, the run settings, an
 * {@link Executor} named {@value #EXECUTOR_BEAN}, or the whole host); {@code bokit.enabled=false} turns
 * it all off. It only delegates to {@link BokitHost#builder}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = BokitProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BokitProperties.class)
@ImportRuntimeHints(BokitRuntimeHints.class)
public class BokitAutoConfiguration {

    /**
     * The name of an {@link Executor} bean that, when the application defines one, checks and runs the
     * syncs instead of bokit's own bounded pool ({@code bokit.executor.*}); the application closes it.
     */
    public static final String EXECUTOR_BEAN = "bokitSyncExecutor";

    /**
     * bokit in this application: the stores over the unique DataSource (transaction-aware, asked only when
     * some store port is not a bean), every port bean, every {@link SyncListener} bean, every
     * {@link BokitHostCustomizer}, then every {@link BokitCustomizer}; the declared calendars and feeds are registered before the web server
     * takes requests. Closed with the context.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    BokitHost bokitHost(
            BokitProperties properties,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<ClockPort> clock,
            ObjectProvider<OptionsPort> options,
            ObjectProvider<SyncStatePort> syncState,
            ObjectProvider<FeedCatalogPort> catalog,
            ObjectProvider<BookingStorePort> bookings,
            ObjectProvider<ICalFeedPort> fetcher,
            ObjectProvider<HostReservationsPort> hostReservations,
            ObjectProvider<DashboardGuard> dashboardGuard,
            ObjectProvider<RunSettings> runSettings,
            @Qualifier(EXECUTOR_BEAN) ObjectProvider<Executor> executor,
            ObjectProvider<SyncListener> listeners,
            ObjectProvider<BokitCustomizer> customizers,
            ObjectProvider<BokitHostCustomizer> hostCustomizers) {
        BokitHost.Builder host = BokitHost.builder(properties.toSettings())
                .dataSource(() -> {
                    DataSource found = dataSource.getIfUnique();
                    return found == null ? null : new TransactionAwareDataSourceProxy(found);
                })
                .clock(clock.getIfAvailable())
                .options(options.getIfAvailable())
                .syncState(syncState.getIfAvailable())
                .catalog(catalog.getIfAvailable())
                .bookings(bookings.getIfAvailable())
                .fetcher(fetcher.getIfAvailable())
                .hostReservations(hostReservations.getIfAvailable())
                .dashboardGuard(dashboardGuard.getIfAvailable())
                .executor(executor.getIfAvailable());
        runSettings.ifAvailable(settings -> host.customizer(core -> core.settings(settings)));
        listeners.orderedStream().forEach(host::listener);
        hostCustomizers.orderedStream().forEach(customizer -> customizer.customize(host));
        customizers.orderedStream().forEach(customizer -> host.customizer(customizer::customize));
        return host.build();
    }

    /** The assembled core: every use case. */
    @Bean
    @ConditionalOnMissingBean
    Bokit bokit(BokitHost host) {
        return host.bokit();
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

        /** bokit's Servlet filter: every request (not forwards, includes or errors), outermost so it runs last. */
        @Bean
        @ConditionalOnMissingBean(name = "bokitTriggerFilter")
        FilterRegistrationBean<BokitServletFilter> bokitTriggerFilter(BokitHost host) {
            FilterRegistrationBean<BokitServletFilter> registration =
                    new FilterRegistrationBean<>(new BokitServletFilter(host.trigger()));
            registration.setName("bokitTriggerFilter");
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }

    /** The exports, served by bokit's servlet in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(Filter.class)
    @ConditionalOnProperty(
            prefix = BokitProperties.PREFIX,
            name = "export.enabled",
            havingValue = "true",
            matchIfMissing = true)
    static class ExportConfiguration {

        /**
         * bokit's export servlet at {@code <bokit.export.path>/*}: {@code GET} and {@code HEAD} of
         * {@code <token>.ics}; any other request there is the application's own 404.
         */
        @Bean
        @ConditionalOnMissingBean(name = "bokitExportServlet")
        ServletRegistrationBean<BokitExportServlet> bokitExportServlet(BokitHost host) {
            ServletRegistrationBean<BokitExportServlet> registration = new ServletRegistrationBean<>(
                    new BokitExportServlet(host.exports()), host.exports().path() + "/*");
            registration.setName("bokitExportServlet");
            return registration;
        }
    }

    /**
     * The operator's guard under Spring Security: an authenticated user with the role {@code bokit.dashboard.role};
     * an application's own {@link DashboardGuard} bean wins.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = SpringSecurityDashboardGuard.AUTHENTICATION)
    @ConditionalOnProperty(prefix = BokitProperties.PREFIX, name = "dashboard.enabled", havingValue = "true")
    static class DashboardSecurityConfiguration {

        @Bean
        @ConditionalOnMissingBean
        DashboardGuard bokitDashboardGuard(BokitProperties properties) {
            return new SpringSecurityDashboardGuard(properties.getDashboard().getRole());
        }
    }

    /** The operator's page, served by bokit's servlet in a servlet web application when enabled. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(Filter.class)
    @ConditionalOnProperty(prefix = BokitProperties.PREFIX, name = "dashboard.enabled", havingValue = "true")
    static class DashboardConfiguration {

        /** bokit's page servlet at {@code <bokit.dashboard.path>} and below it. */
        @Bean
        @ConditionalOnMissingBean(name = "bokitDashboardServlet")
        ServletRegistrationBean<BokitDashboardServlet> bokitDashboardServlet(BokitHost host) {
            String path = host.settings().dashboardPath();
            ServletRegistrationBean<BokitDashboardServlet> registration = new ServletRegistrationBean<>(
                    new BokitDashboardServlet(host.dashboard().orElseThrow()), path, path + "/*");
            registration.setName("bokitDashboardServlet");
            return registration;
        }
    }
}
