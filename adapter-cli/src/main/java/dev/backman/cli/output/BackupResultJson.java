package dev.backman.cli.output;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.backman.application.BackupResult;
import dev.backman.domain.model.BackupMetadata;

/**
 * {@code backup --json}: the backup's metadata fields, plus what the backup took (these extra fields are in this
 * output only, never in manifests, {@code list} or {@code status}).
 *
 * @param metadata        the metadata, its fields at the top level
 * @param newFiles        files whose path the parent backup did not have
 * @param changedFiles    files the parent had with another content
 * @param unchangedFiles  files the parent had with the same content
 * @param storedFileBytes bytes of the files this backup's archive stores (before compression)
 * @param dedupSavedBytes bytes of contents not stored because the chain or this backup already held them
 */
public record BackupResultJson(@JsonUnwrapped BackupMetadata metadata, long newFiles, long changedFiles,
                               long unchangedFiles, long storedFileBytes, long dedupSavedBytes) {

    public static BackupResultJson of(BackupResult result) {
        var s = result.statistics();
        return new BackupResultJson(result.metadata(), s.newFiles(), s.changedFiles(), s.unchangedFiles(),
                s.storedFileBytes(), s.dedupSavedBytes());
    }
}
