package dev.backman.domain.port;

/**
 * A progress snapshot. Totals are 0 when not known yet.
 *
 * @param phase      what is happening
 * @param filesDone  files processed so far
 * @param filesTotal files to process
 * @param bytesDone  bytes processed so far
 * @param bytesTotal bytes to process
 */
public record Progress(Phase phase, long filesDone, long filesTotal, long bytesDone, long bytesTotal) {

    /** The steps of an operation. */
    public enum Phase { SCANNING, HASHING, ARCHIVING, VERIFYING, RESTORING, PRUNING }
}
