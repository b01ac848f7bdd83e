package dev.backman.application;

/**
 * A file a partial restore could not bring back.
 *
 * @param path   the entry's path in the backup
 * @param reason what was wrong (a damaged or missing archive, a content that does not match its SHA-256 …)
 */
public record RestoreFailure(String path, String reason) {
}
