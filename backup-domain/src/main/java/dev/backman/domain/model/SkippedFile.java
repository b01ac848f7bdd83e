package dev.backman.domain.model;

/** A source file left out of a backup, with the reason a user can act on. */
public record SkippedFile(String path, String reason) {
}
