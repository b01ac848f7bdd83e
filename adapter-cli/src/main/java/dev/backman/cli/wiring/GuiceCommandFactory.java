package dev.backman.cli.wiring;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

/**
 * Lets picocli build commands, converters and mixins through Guice, so commands receive their services through
 * their constructors; what Guice cannot build (collections picocli needs) falls back to picocli's own factory.
 */
public final class GuiceCommandFactory implements CommandLine.IFactory {
    private final Injector injector;

    public GuiceCommandFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
