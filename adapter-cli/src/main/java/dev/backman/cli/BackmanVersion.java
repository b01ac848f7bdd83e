package dev.backman.cli;

import dev.backman.domain.model.RepositoryDescriptor;
import picocli.CommandLine;

/** {@code backman --version}: the build, the repository formats it reads and writes, and the Java runtime. */
public final class BackmanVersion implements CommandLine.IVersionProvider {
    /** Creates the provider; picocli calls it only for {@code --version}. */
    public BackmanVersion() {
    }

    @Override
    public String[] getVersion() {
        int current = RepositoryDescriptor.CURRENT_FORMAT;
        return new String[] {"backman " + BuildInfo.current().describe(),
                "repository format " + current + " (reads " + RepositoryDescriptor.OLDEST_FORMAT + ".." + current + ")",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.home") + ")"};
    }
}
