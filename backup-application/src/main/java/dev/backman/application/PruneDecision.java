package dev.backman.application;

/**
 * What retention decided for one backup.
 *
 * @param backupId the backup
 * @param keep     whether it stays
 * @param reason   the rule that keeps it, or why it goes
 */
public record PruneDecision(String backupId, boolean keep, String reason) {
}
