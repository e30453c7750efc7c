package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.port.out.ClockPort;
import io.bokit.host.BokitSettings;
import io.bokit.http.HttpFetchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The defaults an IDE shows from the jar's configuration metadata (some written by hand, since the
 * processor cannot read {@link BokitSettings}' constants) are the defaults bokit uses.
 */
class ConfigurationMetadataTest {

    @Test
    void theDefaultsInTheMetadataAreBokitSettingsDefaults() throws IOException {
        // given the metadata's defaults, bound as a user's properties would be
        Map<String, String> shown = metadataDefaults();
        BokitSettings fromMetadata = new Binder(new MapConfigurationPropertySource(shown))
                .bind(BokitProperties.PREFIX, BokitProperties.class)
                .get()
                .toSettings();
        BokitSettings defaults = BokitSettings.defaults();

        // then every default is shown, and shown right
        assertThat(shown)
                .containsKeys(
                        "bokit.enabled",
                        "bokit.db-time",
                        "bokit.lease-duration",
                        "bokit.refresh-period",
                        "bokit.parallel-hosts",
                        "bokit.trigger.enabled",
                        "bokit.trigger.excluded-paths",
                        "bokit.executor.threads",
                        "bokit.executor.queue-capacity",
                        "bokit.executor.shutdown-timeout",
                        "bokit.schema.initialize",
                        "bokit.schema.table-prefix",
                        "bokit.database.max-connections",
                        "bokit.http.connect-timeout",
                        "bokit.http.request-timeout",
                        "bokit.http.max-body-size");
        assertThat(fromMetadata.dbTime()).isEqualTo(defaults.dbTime());
        assertThat(fromMetadata.run().leaseFor()).isEqualTo(defaults.run().leaseFor());
        assertThat(fromMetadata.run().refreshPeriod()).isEqualTo(defaults.run().refreshPeriod());
        assertThat(fromMetadata.run().parallelHosts()).isEqualTo(defaults.run().parallelHosts());
        assertThat(fromMetadata.triggerEnabled()).isEqualTo(defaults.triggerEnabled());
        assertThat(fromMetadata.excludedPaths().patterns())
                .isEqualTo(defaults.excludedPaths().patterns());
        assertThat(fromMetadata.executorThreads()).isEqualTo(defaults.executorThreads());
        assertThat(fromMetadata.executorQueueCapacity()).isEqualTo(defaults.executorQueueCapacity());
        assertThat(fromMetadata.executorShutdownTimeout()).isEqualTo(defaults.executorShutdownTimeout());
        assertThat(fromMetadata.schemaInitialize()).isEqualTo(defaults.schemaInitialize());
        assertThat(fromMetadata.tablePrefix()).isEqualTo(defaults.tablePrefix());
        assertThat(fromMetadata.databaseMaxConnections()).isEqualTo(defaults.databaseMaxConnections());
        HttpFetchSettings shownHttp = fromMetadata.httpFetchSettings(ClockPort.system());
        HttpFetchSettings defaultHttp = defaults.httpFetchSettings(ClockPort.system());
        assertThat(shownHttp.connectTimeout()).isEqualTo(defaultHttp.connectTimeout());
        assertThat(shownHttp.requestTimeout()).isEqualTo(defaultHttp.requestTimeout());
        assertThat(shownHttp.maxBodyBytes()).isEqualTo(defaultHttp.maxBodyBytes());
    }

    /** Every {@code bokit.*} default in the jar's metadata, as property text (lists comma-separated). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> metadataDefaults() throws IOException {
        Map<String, Object> metadata;
        try (InputStream in =
                ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the generated configuration metadata").isNotNull();
            metadata = JsonMapper.builder().build().readValue(in, Map.class);
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
            String name = property.get("name").toString();
            Object value = property.get("defaultValue");
            if (name.startsWith(BokitProperties.PREFIX + ".") && value != null) {
                defaults.put(
                        name,
                        value instanceof List<?> list
                                ? String.join(
                                        ",", list.stream().map(Object::toString).toList())
                                : value.toString());
            }
        }
        return defaults;
    }
}
