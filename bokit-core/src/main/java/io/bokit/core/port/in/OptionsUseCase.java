package io.bokit.core.port.in;

import io.bokit.core.domain.Options;
import java.util.List;

/** Reads and writes options, validating every value before it is stored. */
public interface OptionsUseCase {

    /**
     * Every known option with its effective value.
     *
     * @return one entry per known option, in a stable order
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     * @throws io.bokit.core.domain.InvalidOptionException if the store holds a value bokit does not allow
     */
    List<OptionValue> list();

    /**
     * One option.
     *
     * @param key a known key
     * @return its effective value
     * @throws io.bokit.core.domain.InvalidOptionException if the key is unknown or its stored value invalid
     */
    OptionValue get(String key);

    /**
     * Validates and stores a value in its canonical form.
     *
     * @param key a known key
     * @param value the text to store
     * @return the option as stored
     * @throws io.bokit.core.domain.InvalidOptionException naming the key, the value and what is allowed
     */
    OptionValue set(String key, String value);

    /**
     * Validates and stores a value only when none is stored yet (a default from configuration that
     * must never overwrite what an operator set).
     *
     * @return whether the value was stored
     * @throws io.bokit.core.domain.InvalidOptionException naming the key, the value and what is allowed
     */
    boolean setIfUnset(String key, String value);

    /**
     * Removes a stored value; the option takes its default.
     *
     * @param key a known key
     * @return the option at its default
     * @throws io.bokit.core.domain.InvalidOptionException if the key is unknown
     */
    OptionValue unset(String key);

    /**
     * The validated options.
     *
     * @return a snapshot of every option
     * @throws io.bokit.core.domain.InvalidOptionException if the store holds a value bokit does not allow
     */
    Options current();
}
