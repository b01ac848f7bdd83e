package dev.backman.domain.error;

/** An entry would be written outside the restore target (absolute name, {@code ..}, through a symlink). */
public final class UnsafeArchiveEntry extends BackupException {
    private final String entry;

    public UnsafeArchiveEntry(String entry, String why) {
        super("refusing unsafe entry '" + entry + "': " + why);
        this.entry = entry;
    }

    public String entry() {
        return entry;
    }
}
