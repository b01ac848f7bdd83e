package dev.backman.filesystem.json;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.SourceRoot;
import java.util.List;

/**
 * Lets {@code repository_id} be absent from a manifest (repository format 1 did not write it) while every other
 * field stays required: an optional injectable value is the one way past
 * {@code FAIL_ON_MISSING_CREATOR_PROPERTIES} for a single creator parameter. It mirrors the canonical constructor
 * of {@link dev.backman.domain.model.Manifest}. Its entries may stream to a sink instead of a list
 * ({@link FileListDeserializer}).
 */
abstract class ManifestMixin {
    @SuppressWarnings("unused")
    ManifestMixin(int formatVersion,
                  @JacksonInject(useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE) String repositoryId,
                  BackupMetadata backup, List<SourceRoot> roots,
                  @JsonDeserialize(using = FileListDeserializer.class) List<FileEntry> files) {
    }
}
