package dev.backman.domain.error;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Restoring would overwrite files with other content; nothing was written. */
public final class RestoreConflict extends BackupException {
    private static final int SHOWN = 20;
    /** The existing files that differ. */
    private final List<Path> conflicts;

    /**
     * Existing files that differ from the backup.
     *
     * @param conflicts the files a restore would replace
     */
    public RestoreConflict(List<Path> conflicts) {
        super(conflicts.size() + " existing file(s) differ from the backup; nothing was restored. "
                + "Use --overwrite to replace them, or --target DIR to restore elsewhere:\n  "
                + conflicts.stream().limit(SHOWN).map(Path::toString).collect(Collectors.joining("\n  "))
                + (conflicts.size() > SHOWN ? "\n  … and " + (conflicts.size() - SHOWN) + " more" : ""));
        this.conflicts = List.copyOf(conflicts);
    }

    /**
     * The existing files that differ.
     *
     * @return the files
     */
    public List<Path> conflicts() {
        return conflicts;
    }
}
