package dev.backman.domain.error;

/** An entry would be written outside the restore target (absolute name, {@code ..}, through a symlink). */
public final class UnsafeArchiveEntry extends BackupException {
    /** The refused entry's name. */
    private final String entry;

    /**
     * An entry refused by a restore.
     *
     * @param entry the entry's name
     * @param why   why it is unsafe
     */
    public UnsafeArchiveEntry(String entry, String why) {
        super("refusing unsafe entry '" + entry + "': " + why);
        this.entry = entry;
    }

    /**
     * The refused entry.
     *
     * @return its name
     */
    public String entry() {
        return entry;
    }
}
