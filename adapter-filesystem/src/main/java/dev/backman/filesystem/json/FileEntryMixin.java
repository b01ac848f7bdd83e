package dev.backman.filesystem.json;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Keeps {@code FileEntry.isFile()} out of the JSON: it is derived from {@code type}. */
abstract class FileEntryMixin {
    @JsonIgnore
    abstract boolean isFile();
}
