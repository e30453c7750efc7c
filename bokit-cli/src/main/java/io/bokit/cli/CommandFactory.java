package io.bokit.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates the commands for picocli, handing each one that takes it the {@link CliContext}; any other class (picocli's
 * own completion command, converters) comes from picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final CliContext context;

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> constructor;
        try {
            constructor = type.getDeclaredConstructor(CliContext.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        return constructor.newInstance(context);
    }
}
