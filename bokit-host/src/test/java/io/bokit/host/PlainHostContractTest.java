package io.bokit.host;

import io.bokit.core.domain.InvalidOptionException;
import io.bokit.core.port.in.ExportLinksUseCase;
import io.bokit.host.micrometer.BokitMetrics;
import io.bokit.host.servlet.BokitExportServlet;
import io.bokit.host.servlet.BokitServletFilter;
import io.bokit.testkit.contract.HostAdapterContract;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour suite on a host without a framework: text properties, {@link BokitHost}, and an embedded Tomcat on
 * 127.0.0.1 with the plain {@link BokitServletFilter} and {@link BokitExportServlet}, registered as docs/servlet.md
 * shows.
 */
class PlainHostContractTest extends HostAdapterContract {
    @TempDir
    Path baseDir;

    private Tomcat servlets(BokitHost host) {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.resolve(UUID.randomUUID().toString()).toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        context.addServletContainerInitializer(
                (classes, servletContext) -> {
                    var filter = servletContext.addFilter("bokit", new BokitServletFilter(host.trigger()));
                    filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
                    if (host.exports().enabled()) {
                        servletContext
                                .addServlet("bokit-export", new BokitExportServlet(host.exports()))
                                .addMapping(host.exports().path() + "/*");
                    }
                },
                null);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
        return tomcat;
    }

    @Override
    protected RunningHost start(Map<String, String> properties, boolean withDataSource) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BokitHost.Builder builder =
                BokitHost.builder(BokitSettings.fromProperties(properties)).listener(new BokitMetrics(registry));
        if (withDataSource) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            builder.dataSource(dataSource);
        }
        BokitHost host = builder.build();
        Tomcat tomcat = servlets(host);
        URI base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
        return new RunningHost() {
            @Override
            public URI baseUri() {
                return base;
            }

            @Override
            public ExportLinksUseCase exportLinks() {
                return host.bokit().exportLinks();
            }

            @Override
            public Health health() {
                return new Health(host.health().up(), host.health().reason());
            }

            @Override
            public Map<String, Object> status() {
                return host.management().status();
            }

            @Override
            public Map<String, Object> syncNow() {
                return host.management().sync();
            }

            @Override
            public Answer setOption(String key, String value) {
                try {
                    return new Answer(
                            200, host.management().setOption(key, value).toString());
                } catch (InvalidOptionException e) {
                    return new Answer(400, e.getMessage());
                }
            }

            @Override
            public double meter(String name, String... tags) {
                Counter counter = registry.find(name).tags(tags).counter();
                if (counter != null) {
                    return counter.count();
                }
                Timer timer = registry.find(name).tags(tags).timer();
                return timer == null ? 0 : timer.count();
            }

            @Override
            public void close() {
                try {
                    tomcat.stop();
                    tomcat.destroy();
                } catch (LifecycleException e) {
                    throw new IllegalStateException(e);
                } finally {
                    host.close();
                }
            }
        };
    }
}
