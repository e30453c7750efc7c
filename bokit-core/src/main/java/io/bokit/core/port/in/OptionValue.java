package io.bokit.core.port.in;

/**
 * One option as an operator sees it.
 *
 * @param key the key, e.g. {@code sync.interval}
 * @param value the effective value as text
 * @param isDefault whether no value is stored and this is the default
 * @param description what the option does
 * @param allowed what values it allows
 */
public record OptionValue(String key, String value, boolean isDefault, String description, String allowed) {}
