package io.bokit.core.port.out;

import java.util.Map;
import java.util.Optional;

/**
 * Persistent option values, stored as text under their key. The store does not validate: the
 * core validates through {@code OptionKey} before it writes. Implementations are thread-safe, and a
 * value written by one instance is read by every instance sharing the same store.
 */
public interface OptionsPort {

    /**
     * Every stored value.
     *
     * @return key → value, never null, possibly empty; a snapshot the caller may keep
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    Map<String, String> loadAll();

    /**
     * One stored value.
     *
     * @param key the option key, not null
     * @return the value, or empty if none is stored
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    Optional<String> load(String key);

    /**
     * Stores a value, replacing any previous one.
     *
     * @param key the option key, not null
     * @param value the value, not null
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    void store(String key, String value);

    /**
     * Removes a stored value, so that the option takes its default.
     *
     * @param key the option key, not null
     * @return whether a value was stored
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    boolean remove(String key);
}
