package dev.backman.domain.port;

/**
 * A progress snapshot. Totals are 0 when not known (yet). Within one phase of one operation the done counts never
 * decrease, and the phase's last snapshot has them equal to the totals.
 *
 * @param phase      what is happening
 * @param filesDone  files processed so far (for {@link Phase#VERIFYING} and {@link Phase#REPLICATING}: backups)
 * @param filesTotal files to process
 * @param bytesDone  bytes processed so far
 * @param bytesTotal bytes to process
 */
public record Progress(Phase phase, long filesDone, long filesTotal, long bytesDone, long bytesTotal) {

    /** The steps of an operation, with what their counts measure. */
    public enum Phase {
        /** Walking the sources: files and bytes found so far; no totals until the last snapshot. */
        SCANNING,
        /** Backup: looking for copies among the files to read (files to hash as total); runs on with ARCHIVING. */
        HASHING,
        /** Backup: new and changed files read into the archive, of those to read. */
        ARCHIVING,
        /** Reading archives back: backups (archives) checked and archive bytes read, of those to check. */
        VERIFYING,
        /** Restore: files written and their bytes, of those to write. */
        RESTORING,
        /** Applying retention; no counts. */
        PRUNING,
        /** Copying backups offsite: backups copied and archive bytes sent, of those due. */
        REPLICATING,
        /** Export: files written to the standalone archive and their bytes, of the backup's. */
        EXPORTING
    }
}
