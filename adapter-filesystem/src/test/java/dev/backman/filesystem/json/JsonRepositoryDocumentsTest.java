package dev.backman.filesystem.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.Replica;
import dev.backman.domain.model.ReplicaStatus;
import dev.backman.domain.model.RepositoryDescriptor;
import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.model.SourceRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JsonRepositoryDocumentsTest {
    private static final OffsetDateTime STARTED = OffsetDateTime.of(2026, 11, 29, 13, 5, 0, 0, ZoneOffset.ofHours(1));
    private static final Instant MTIME = Instant.parse("2026-11-28T09:30:15.123456789Z");
    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private final JsonRepositoryDocuments documents = new JsonRepositoryDocuments();
    private final ObjectMapper plain = new ObjectMapper();

    static BackupMetadata metadata(CompressionType type, BackupStatus status, BackupType backupType) {
        return new BackupMetadata("backup_20261129_120500", STARTED, List.of("/home/ana/src", "/home/ana/config"),
                3, 12_345, SHA, type, status, 12.75, null, backupType, "backup_20261128_120000",
                6_789, 2, List.of(new SkippedFile("src/big.iso", "larger than max_file_size_mb (100)")),
                true, List.of(new Replica("s3://offsite/backman", ReplicaStatus.VERIFIED)));
    }

    static Manifest manifest(BackupMetadata metadata) {
        return new Manifest(Manifest.CURRENT_FORMAT, metadata,
                List.of(new SourceRoot("src", Path.of("/home/ana/src")),
                        new SourceRoot("config", Path.of("/home/ana/config"))),
                List.of(new FileEntry("config", EntryType.DIR, 0, 0755, MTIME, null, null, null),
                        new FileEntry("src/a.txt", EntryType.FILE, 3, 0644, MTIME, SHA, null,
                                "backup_20261128_120000"),
                        new FileEntry("src/link", EntryType.SYMLINK, 0, -1, Instant.EPOCH, null, "../a.txt", null)));
    }

    private static Manifest sample() {
        return manifest(metadata(CompressionType.TAR_ZST, BackupStatus.COMPLETED, BackupType.INCREMENTAL));
    }

    @Test
    void manifestRoundTripsEveryFieldExactly() throws IOException {
        Manifest manifest = sample();

        assertThat(documents.decodeManifest(documents.encodeManifest(manifest))).isEqualTo(manifest);
    }

    @Test
    void manifestWrittenToAStreamIsTheEncodedBytesAndLeavesTheStreamOpen() throws IOException {
        Manifest manifest = sample();
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        documents.writeManifest(manifest, out);

        assertThat(out.toByteArray()).isEqualTo(documents.encodeManifest(manifest));
        assertThat(closed[0]).as("the storage commits the stream, not the encoder").isFalse();
    }

    @Test
    void manifestUsesTheExactSnakeCaseNames() throws IOException {
        JsonNode json = plain.readTree(documents.encodeManifest(sample()));

        assertThat(names(json)).containsExactly("format_version", "repository_id", "backup", "roots", "files");
        assertThat(names(json.get("backup"))).containsExactly("backup_id", "timestamp", "source_paths",
                "total_files", "total_size_bytes", "checksum", "compression_type", "status", "duration_seconds",
                "error_message", "backup_type", "parent_id", "archive_size_bytes", "stored_files", "skipped_files",
                "encrypted", "replicas");
        assertThat(names(json.get("backup").get("skipped_files").get(0))).containsExactly("path", "reason");
        assertThat(names(json.get("backup").get("replicas").get(0))).containsExactly("location", "status");
        assertThat(names(json.get("roots").get(0))).containsExactly("name", "path");
        assertThat(names(json.get("files").get(1))).containsExactly("path", "type", "size", "mode", "mtime",
                "sha256", "link_target", "stored_in", "file_key");
    }

    @Test
    void manifestValuesUseTheWireFormat() throws IOException {
        JsonNode json = plain.readTree(documents.encodeManifest(sample()));
        JsonNode backup = json.get("backup");

        assertThat(json.get("format_version").asInt()).isEqualTo(1);
        assertThat(backup.get("timestamp").textValue()).isEqualTo("2026-11-29T13:05:00+01:00");
        assertThat(backup.get("compression_type").textValue()).isEqualTo("tar.zst");
        assertThat(backup.get("status").textValue()).isEqualTo("completed");
        assertThat(backup.get("backup_type").textValue()).isEqualTo("incremental");
        assertThat(backup.get("duration_seconds").doubleValue()).isEqualTo(12.75);
        assertThat(backup.get("error_message").isNull()).as("null error_message is written").isTrue();
        assertThat(backup.get("replicas").get(0).get("status").textValue()).isEqualTo("verified");
        assertThat(backup.get("source_paths").get(0).textValue()).isEqualTo("/home/ana/src");
        assertThat(json.get("roots").get(0).get("path").textValue()).isEqualTo("/home/ana/src");

        JsonNode dir = json.get("files").get(0);
        JsonNode file = json.get("files").get(1);
        JsonNode link = json.get("files").get(2);
        assertThat(dir.get("type").textValue()).isEqualTo("dir");
        assertThat(dir.get("sha256").isNull()).isTrue();
        assertThat(file.get("type").textValue()).isEqualTo("file");
        assertThat(file.get("mode").isInt()).isTrue();
        assertThat(file.get("mode").intValue()).isEqualTo(0644);
        assertThat(file.get("mtime").textValue()).isEqualTo("2026-11-28T09:30:15.123456789Z");
        assertThat(file.get("stored_in").textValue()).isEqualTo("backup_20261128_120000");
        assertThat(link.get("type").textValue()).isEqualTo("symlink");
        assertThat(link.get("link_target").textValue()).isEqualTo("../a.txt");
        assertThat(link.get("mode").intValue()).isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void everyCompressionTypeRoundTrips(CompressionType type) throws IOException {
        Manifest manifest = manifest(metadata(type, BackupStatus.COMPLETED, BackupType.FULL));
        byte[] json = documents.encodeManifest(manifest);

        assertThat(plain.readTree(json).get("backup").get("compression_type").textValue())
                .isEqualTo(type.extension());
        assertThat(documents.decodeManifest(json)).isEqualTo(manifest);
    }

    @ParameterizedTest
    @EnumSource(BackupStatus.class)
    void everyStatusRoundTrips(BackupStatus status) throws IOException {
        BackupMetadata failed = metadata(CompressionType.ZIP, status, BackupType.FULL)
                .failed("No space left on device", 1.5).withStatus(status);
        Manifest manifest = manifest(failed);
        byte[] json = documents.encodeManifest(manifest);

        assertThat(plain.readTree(json).get("backup").get("status").textValue()).isEqualTo(status.wireName());
        assertThat(documents.decodeManifest(json)).isEqualTo(manifest);
    }

    @Test
    void everyReplicaStatusAndTypeRoundTrips() throws IOException {
        List<Replica> replicas = Arrays.stream(ReplicaStatus.values())
                .map(s -> new Replica("s3://r/" + s.wireName(), s)).toList();
        Manifest manifest = manifest(metadata(CompressionType.TAR, BackupStatus.COMPLETED, BackupType.FULL)
                .withReplicas(replicas).withChain(BackupType.FULL, null));

        Manifest decoded = documents.decodeManifest(documents.encodeManifest(manifest));

        assertThat(decoded).isEqualTo(manifest);
        assertThat(decoded.backup().parentId()).isNull();
    }

    @Test
    void timestampKeepsItsOffsetWhenRead() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        ((ObjectNode) json.get("backup")).put("timestamp", "2026-06-01T02:00:00-07:00");

        OffsetDateTime read = documents.decodeManifest(plain.writeValueAsBytes(json)).backup().timestamp();

        assertThat(read.getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
        assertThat(read.getHour()).isEqualTo(2);
    }

    @Test
    void descriptorRoundTripsWithSnakeCaseNames() throws IOException {
        RepositoryDescriptor descriptor = new RepositoryDescriptor(1, "5f0c6d0e-8a1b-4c1e-9d7f-2b3a4c5d6e7f", STARTED);
        byte[] bytes = documents.encodeDescriptor(descriptor);
        JsonNode json = plain.readTree(bytes);

        assertThat(names(json)).containsExactly("format_version", "repository_id", "created_at");
        assertThat(json.get("created_at").textValue()).isEqualTo("2026-11-29T13:05:00+01:00");
        assertThat(documents.decodeDescriptor(bytes)).isEqualTo(descriptor);
    }

    @Test
    void manifestNamesItsRepository() throws IOException {
        Manifest manifest = sample().withRepositoryId("5f0c6d0e-8a1b-4c1e-9d7f-2b3a4c5d6e7f");
        byte[] bytes = documents.encodeManifest(manifest);

        assertThat(plain.readTree(bytes).get("repository_id").textValue())
                .isEqualTo("5f0c6d0e-8a1b-4c1e-9d7f-2b3a4c5d6e7f");
        assertThat(documents.decodeManifest(bytes)).isEqualTo(manifest);
    }

    @Test
    void manifestOfFormatOneWithoutRepositoryIdIsRead() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample().withRepositoryId("r1")));
        json.remove("repository_id");

        Manifest read = documents.decodeManifest(plain.writeValueAsBytes(json));

        assertThat(read.repositoryId()).isNull();
        assertThat(read).isEqualTo(sample());
    }

    @Test
    void descriptorFormatChangeKeepsEveryOtherFieldUnknownOnesIncluded() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeDescriptor(
                new RepositoryDescriptor(1, "5f0c6d0e-8a1b-4c1e-9d7f-2b3a4c5d6e7f", STARTED)));
        json.putObject("encryption").put("wrapped_key", "c2VjcmV0").put("memory_kib", 65536);

        byte[] upgraded = documents.withFormatVersion(plain.writeValueAsBytes(json), 2);

        JsonNode read = plain.readTree(upgraded);
        assertThat(read.get("format_version").intValue()).isEqualTo(2);
        assertThat(names(read)).containsExactly("format_version", "repository_id", "created_at", "encryption");
        assertThat(read.get("encryption")).isEqualTo(json.get("encryption"));
        assertThat(documents.decodeDescriptor(upgraded))
                .isEqualTo(new RepositoryDescriptor(2, "5f0c6d0e-8a1b-4c1e-9d7f-2b3a4c5d6e7f", STARTED));
    }

    @Test
    void descriptorFormatChangeRefusesWhatIsNotADescriptor() {
        assertThatThrownBy(() -> documents.withFormatVersion("{\"files\": []}".getBytes(UTF_8), 2))
                .isInstanceOf(IOException.class);
    }

    @Test
    void fieldsFromANewerWriterAreIgnored() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        json.put("written_by", "backman 9.0");
        ((ObjectNode) json.get("files").get(0)).put("xattrs", "future");

        assertThat(documents.decodeManifest(plain.writeValueAsBytes(json))).isEqualTo(sample());
    }

    @Test
    void garbageIsAnIoErrorNamingTheDocument() {
        assertThatThrownBy(() -> documents.decodeManifest("PK\u0003\u0004 not json".getBytes(UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the manifest is damaged or incomplete: ")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> documents.decodeDescriptor("[1, 2]".getBytes(UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the repository descriptor is damaged or incomplete: ");
    }

    @Test
    void emptyOrNullDocumentsAreIoErrors() {
        assertThatThrownBy(() -> documents.decodeManifest(new byte[0]))
                .isInstanceOf(IOException.class).hasMessage("the manifest is empty");
        assertThatThrownBy(() -> documents.decodeManifest("null".getBytes(UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> documents.decodeDescriptor("  ".getBytes(UTF_8)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void truncatedManifestIsAnIoError() {
        byte[] whole = documents.encodeManifest(sample());
        for (int length : new int[] {1, whole.length / 3, whole.length / 2, whole.length - 1}) {
            assertThatThrownBy(() -> documents.decodeManifest(Arrays.copyOf(whole, length)))
                    .as("first %d of %d bytes", length, whole.length)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("damaged or incomplete");
        }
    }

    @Test
    void trailingGarbageIsAnIoError() {
        byte[] whole = documents.encodeManifest(sample());
        byte[] withGarbage = Arrays.copyOf(whole, whole.length + 2);
        withGarbage[whole.length] = ' ';
        withGarbage[whole.length + 1] = 'x';

        assertThatThrownBy(() -> documents.decodeManifest(withGarbage)).isInstanceOf(IOException.class);
    }

    @Test
    void missingRequiredFieldIsAnIoErrorNamingIt() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        ((ObjectNode) json.get("files").get(1)).remove("mtime");

        assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing field 'mtime' at files[1].mtime");
    }

    @Test
    void everyMissingFieldIsDetected() throws IOException {
        ObjectNode whole = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        List<String> fields = new ArrayList<>();
        whole.get("backup").fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            ObjectNode json = whole.deepCopy();
            ((ObjectNode) json.get("backup")).remove(field);

            assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json)))
                    .as("backup.%s missing", field)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("'" + field + "'");
        }
        for (String field : List.of("format_version", "backup", "roots", "files")) {
            ObjectNode json = whole.deepCopy();
            json.remove(field);
            assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json)))
                    .as("%s missing", field)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("'" + field + "'");
        }
    }

    @Test
    void nullWhereAValueIsRequiredIsAnIoErrorNotANullPointer() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        ((ObjectNode) json.get("files").get(0)).putNull("type");
        ((ObjectNode) json.get("backup")).putNull("total_files");

        assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("manifest");

        ObjectNode nullBackup = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        nullBackup.putNull("backup");
        assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(nullBackup)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("backup");
    }

    @Test
    void nullRequiredValueIsNamedAsInTheDocument() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        ((ObjectNode) json.get("backup")).putNull("backup_id");

        assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'backup_id' must not be null in BackupMetadata at backup");
    }

    @Test
    void unknownEnumValueIsAnIoErrorListingTheAcceptedOnes() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        ((ObjectNode) json.get("backup")).put("compression_type", "rar");

        assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("\"rar\"")
                .hasMessageContaining("expected one of zip, tar, tar.gz, tar.bz2, tar.zst, tar.xz")
                .hasMessageContaining("backup.compression_type");
    }

    @Test
    void enumsAreReadOnlyByTheirWireNames() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        ((ObjectNode) json.get("backup")).put("status", "COMPLETED");

        assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("expected one of pending, in_progress, completed, failed, corrupted");
    }

    @Test
    void aFileEntryIsReadFieldByFieldAndFailsNamingTheField() throws IOException {
        assertEntryRefused(file -> file.putNull("path"), "'path' must not be null in FileEntry at files[0]");
        assertEntryRefused(file -> file.putNull("mtime"), "'mtime' must not be null in FileEntry at files[0]");
        assertEntryRefused(file -> file.putNull("size"), "at files[0].size");
        assertEntryRefused(file -> file.put("size", "many"), "at files[0].size");
        assertEntryRefused(file -> file.put("mode", 1L << 40), "at files[0].mode");
        assertEntryRefused(file -> file.put("mtime", "yesterday"), "at files[0].mtime");
        assertEntryRefused(file -> file.put("type", "fifo"), "expected one of file, dir, symlink");
        assertEntryRefused(file -> file.put("type", "fifo"), "at files[0].type");
        assertEntryRefused(file -> file.putArray("sha256"), "at files[0].sha256");
    }

    @Test
    void everyMissingFieldOfAFileEntryIsNamedWithItsPlace() throws IOException {
        ObjectNode whole = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        List<String> fields = names(whole.get("files").get(0));
        assertThat(fields).hasSize(9);
        for (String field : fields) {
            ObjectNode json = whole.deepCopy();
            ((ObjectNode) json.get("files").get(0)).remove(field);

            assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json)))
                    .as("files[0].%s missing", field)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("missing field '" + field + "' at files[0]." + field);
        }
    }

    @Test
    void aFileEntryFieldOfANewerWriterIsSkippedWhateverItHolds() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        ObjectNode file = (ObjectNode) json.get("files").get(0);
        file.putObject("xattrs").putArray("user.tags").add(1).addObject().put("nested", true);
        file.put("acl", "u::rw-");

        assertThat(documents.decodeManifest(plain.writeValueAsBytes(json))).isEqualTo(sample());
    }

    @Test
    void aManifestReadEntryByEntryHandsOverEveryEntryInOrderAndListsNone() throws IOException {
        byte[] bytes = documents.encodeManifest(sample());
        List<FileEntry> entries = new ArrayList<>();

        Manifest header = documents.decodeManifest(bytes, entries::add);

        assertThat(entries).isEqualTo(sample().files());
        assertThat(header.files()).isEmpty();
        assertThat(header.backup()).isEqualTo(sample().backup());
        assertThat(header.roots()).isEqualTo(sample().roots());
        assertThat(header.formatVersion()).isEqualTo(sample().formatVersion());
    }

    @Test
    void aManifestReadEntryByEntryIsRefusedAsTheWholeReadingRefusesIt() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        ((ObjectNode) json.get("files").get(1)).put("mtime", "yesterday");
        byte[] damaged = plain.writeValueAsBytes(json);
        List<FileEntry> entries = new ArrayList<>();

        assertThatThrownBy(() -> documents.decodeManifest(damaged, entries::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("damaged or incomplete")
                .hasMessageContaining("at files[1].mtime");
        assertThatThrownBy(() -> documents.decodeManifest(damaged))
                .hasMessageContaining("at files[1].mtime");
        assertThat(entries).containsExactly(sample().files().get(0));

        ((ArrayNode) json.get("files")).addNull();
        assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json), entry -> { }))
                .isInstanceOf(IOException.class);
        byte[] whole = documents.encodeManifest(sample());
        assertThatThrownBy(() -> documents.decodeManifest(Arrays.copyOf(whole, whole.length - 30), entry -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("damaged or incomplete");
    }

    @Test
    void aNullEntryIsRefusedNamingItsPlaceWhenReadEntryByEntry() throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        ((ArrayNode) json.get("files")).insertNull(2);

        assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json), entry -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("null instead of an entry at files[2]");
    }

    @Test
    void theHolderIdThatEveryFileEntryRepeatsIsReadIntoOneString() throws IOException {
        Manifest manifest = new Manifest(Manifest.CURRENT_FORMAT, sample().backup(), sample().roots(), List.of(
                new FileEntry("src/a", EntryType.FILE, 3, 0644, MTIME, SHA, null, "backup_20261128_120000"),
                new FileEntry("src/b", EntryType.FILE, 3, 0644, MTIME, SHA, null, "backup_20261128_120000"),
                new FileEntry("src/c", EntryType.FILE, 3, 0644, MTIME, SHA, null, "backup_20261129_120500"),
                new FileEntry("src/d", EntryType.FILE, 3, 0644, MTIME, SHA, null, "backup_20261129_120500")));

        List<FileEntry> read = documents.decodeManifest(documents.encodeManifest(manifest)).files();

        assertThat(read).isEqualTo(manifest.files());
        assertThat(read.get(1).storedIn()).isSameAs(read.get(0).storedIn());
        assertThat(read.get(3).storedIn()).isSameAs(read.get(2).storedIn());
    }

    private void assertEntryRefused(java.util.function.Consumer<ObjectNode> damage, String message)
            throws IOException {
        ObjectNode json = (ObjectNode) plain.readTree(documents.encodeManifest(sample()));
        damage.accept((ObjectNode) json.get("files").get(0));

        assertThatThrownBy(() -> documents.decodeManifest(plain.writeValueAsBytes(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("damaged or incomplete")
                .hasMessageContaining(message);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
