package io.bokit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.port.out.OptionsPort;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link OptionsPort}. To run it against an implementation, extend it and
 * implement {@link #newStore()}: empty the store, then return a supplier of new port instances over
 * it, e.g. {@code var store = new InMemoryOptions.Store(); return () -> new InMemoryOptions(store);}.
 */
public abstract class OptionsPortContract extends PortContract<OptionsPort> {

    @Test
    void loadsNothingFromEmptyStore() {
        assertThat(port().loadAll()).isEmpty();
        assertThat(port().load("sync.interval")).isEmpty();
    }

    @Test
    void loadsStoredValue() {
        // when
        port().store("sync.interval", "600");

        // then
        assertThat(port().load("sync.interval")).contains("600");
        assertThat(port().loadAll()).containsExactly(Map.entry("sync.interval", "600"));
    }

    @Test
    void replacesPreviousValue() {
        // given
        port().store("sync.interval", "600");

        // when
        port().store("sync.interval", "900");

        // then
        assertThat(port().load("sync.interval")).contains("900");
        assertThat(port().loadAll()).hasSize(1);
    }

    @Test
    void storesUnknownKeysAndValuesVerbatim() {
        // when
        port().store("x.unknown", "  Zürich, 東京 \t");

        // then
        assertThat(port().load("x.unknown")).contains("  Zürich, 東京 \t");
    }

    @Test
    void removesStoredValue() {
        // given
        port().store("sync.interval", "600");
        port().store("install.complete", "true");

        // when
        boolean removed = port().remove("sync.interval");

        // then
        assertThat(removed).isTrue();
        assertThat(port().load("sync.interval")).isEmpty();
        assertThat(port().loadAll()).containsExactly(Map.entry("install.complete", "true"));
    }

    @Test
    void reportsRemovingValueThatIsNotStored() {
        // given
        port().store("sync.interval", "600");
        port().remove("sync.interval");

        // when / then
        assertThat(port().remove("sync.interval")).isFalse();
        assertThat(port().remove("never.stored")).isFalse();
    }

    @Test
    void loadsAllAsSnapshotThatLaterWritesDoNotChange() {
        // given
        port().store("sync.interval", "600");
        Map<String, String> snapshot = port().loadAll();

        // when
        port().store("install.complete", "true");
        port().store("sync.interval", "900");
        port().remove("sync.interval");

        // then
        assertThat(snapshot).containsExactly(Map.entry("sync.interval", "600"));
    }

    @Test
    void sharesValuesBetweenInstancesOverOneStore() {
        // given
        OptionsPort other = newInstance();

        // when
        port().store("sync.interval", "600");
        other.store("install.complete", "true");

        // then
        assertThat(other.load("sync.interval")).contains("600");
        assertThat(port().loadAll()).isEqualTo(other.loadAll()).hasSize(2);
    }
}
