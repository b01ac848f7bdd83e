package dev.backman.cli;

import picocli.CommandLine;

/** {@code backman --version}: the version the jar's manifest records. */
public final class BackmanVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = BackmanVersion.class.getPackage().getImplementationVersion();
        return new String[] {"backman " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
