package io.bokit.host;

import io.bokit.core.domain.InvalidOptionException;
import io.bokit.host.micrometer.BokitMetrics;
import io.bokit.testkit.contract.HostAdapterContract;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** The behaviour suite on a host without a framework: text properties, {@link BokitHost}, no HTTP endpoint. */
class PlainHostContractTest extends HostAdapterContract {

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
        return new RunningHost() {
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
                host.close();
            }
        };
    }
}
