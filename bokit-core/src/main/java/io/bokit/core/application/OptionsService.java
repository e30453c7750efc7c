package io.bokit.core.application;

import io.bokit.core.domain.OptionKey;
import io.bokit.core.domain.Options;
import io.bokit.core.port.in.OptionValue;
import io.bokit.core.port.in.OptionsUseCase;
import io.bokit.core.port.out.OptionsPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads and writes options through {@link OptionsPort}, validating every value before it is stored. */
final class OptionsService implements OptionsUseCase {
    private final OptionsPort store;
    private final Runnable onChange;

    /**
     * Creates the service.
     *
     * @param store where options live
     * @param onChange called after every write (e.g. {@link io.bokit.core.port.in.AutoSyncUseCase#refreshSoon})
     */
    OptionsService(OptionsPort store, Runnable onChange) {
        this.store = Objects.requireNonNull(store, "store");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    @Override
    public List<OptionValue> list() {
        Map<String, String> stored = store.loadAll();
        Options options = Options.parse(stored);
        return OptionKey.all().stream()
                .map(key -> describe(key, options, stored.containsKey(key.key())))
                .toList();
    }

    @Override
    public OptionValue get(String key) {
        OptionKey<?> option = OptionKey.require(key);
        Map<String, String> stored = store.loadAll();
        return describe(option, Options.parse(stored), stored.containsKey(key));
    }

    @Override
    public OptionValue set(String key, String value) {
        OptionKey<?> option = OptionKey.require(key);
        String canonical = option.normalize(value);
        store.store(option.key(), canonical);
        onChange.run();
        return new OptionValue(option.key(), canonical, false, option.description(), option.allowed());
    }

    @Override
    public boolean setIfUnset(String key, String value) {
        OptionKey<?> option = OptionKey.require(key);
        String canonical = option.normalize(value);
        if (store.load(option.key()).isPresent()) {
            return false;
        }
        store.store(option.key(), canonical);
        onChange.run();
        return true;
    }

    @Override
    public OptionValue unset(String key) {
        OptionKey<?> option = OptionKey.require(key);
        store.remove(option.key());
        onChange.run();
        return describe(option, Options.defaults(), false);
    }

    @Override
    public Options current() {
        return Options.parse(store.loadAll());
    }

    private static <T> OptionValue describe(OptionKey<T> key, Options options, boolean stored) {
        return new OptionValue(key.key(), key.format(options.get(key)), !stored, key.description(), key.allowed());
    }
}
