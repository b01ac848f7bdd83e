package dev.backman.application;

import java.util.List;

/**
 * What {@code catalog rebuild} recreated.
 *
 * @param backups  backups recorded from their manifests
 * @param problems manifests that could not be read (each named), left out of the catalog
 */
public record RebuildReport(int backups, List<String> problems) {
    /**
     * Checks the components.
     *
     * @param backups backups recorded from their manifests
     * @param problems manifests that could not be read (each named), left out of the catalog
     */
    public RebuildReport {
        problems = List.copyOf(problems);
    }
}
