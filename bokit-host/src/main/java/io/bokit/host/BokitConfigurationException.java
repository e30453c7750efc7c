package io.bokit.host;

import io.bokit.core.domain.BokitException;
import io.bokit.core.domain.Secrets;

/**
 * A host's bokit configuration cannot be used: a bad {@code bokit.*} value, or a missing part such as
 * the DataSource. The message starts with {@code Invalid <property>:} where a property is to blame
 * and never holds a whole feed URL.
 */
public final class BokitConfigurationException extends BokitException {
    private final String property;

    /** A bad value of a property. */
    public BokitConfigurationException(String property, String problem) {
        this(property, problem, null);
    }

    /** A bad value of a property, with the error that refused it. */
    public BokitConfigurationException(String property, String problem, Throwable cause) {
        this(cause, property, "Invalid " + property + ": " + problem);
    }

    /** The one constructor that sets the fields: the message is masked here, whatever built it. */
    private BokitConfigurationException(Throwable cause, String property, String message) {
        super(Secrets.mask(message), cause);
        this.property = property;
    }

    /** A configuration problem that no single property is to blame for. */
    public static BokitConfigurationException of(String message) {
        return new BokitConfigurationException(null, null, message);
    }

    /** The property to blame, such as {@code bokit.executor.threads}, or null. */
    public String property() {
        return property;
    }
}
