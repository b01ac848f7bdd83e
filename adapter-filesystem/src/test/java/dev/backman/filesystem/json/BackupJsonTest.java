package dev.backman.filesystem.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapper the command line reuses for {@code --json}. */
class BackupJsonTest {
    private final ObjectMapper mapper = BackupJson.newMapper();

    record VerifyReport(List<String> checkedBackups, int damagedFiles, Path restoredTo, Instant finishedAt,
                        CompressionType compressionType) {
    }

    @Test
    void metadataIsWrittenWithSnakeCaseWireNames() throws Exception {
        BackupMetadata metadata = JsonRepositoryDocumentsTest.metadata(CompressionType.TAR_GZ,
                BackupStatus.IN_PROGRESS, BackupType.FULL);

        JsonNode json = mapper.readTree(mapper.writeValueAsString(metadata));

        assertThat(json.get("backup_id").textValue()).isEqualTo("backup_20261129_120500");
        assertThat(json.get("status").textValue()).isEqualTo("in_progress");
        assertThat(json.get("backup_type").textValue()).isEqualTo("full");
        assertThat(json.get("compression_type").textValue()).isEqualTo("tar.gz");
        assertThat(json.get("timestamp").textValue()).isEqualTo("2026-11-29T13:05:00+01:00");
        assertThat(json.get("skipped_files").get(0).get("reason").textValue()).startsWith("larger than");
        assertThat(mapper.readValue(mapper.writeValueAsString(metadata), BackupMetadata.class)).isEqualTo(metadata);
    }

    @Test
    void anyRecordGetsTheSameConventions() throws Exception {
        VerifyReport report = new VerifyReport(List.of("b1"), 2, Path.of("/tmp/restore"),
                Instant.parse("2026-11-29T12:00:00Z"), CompressionType.TAR_XZ);

        assertThat(mapper.writeValueAsString(report)).isEqualTo("{\"checked_backups\":[\"b1\"],\"damaged_files\":2,"
                + "\"restored_to\":\"/tmp/restore\",\"finished_at\":\"2026-11-29T12:00:00Z\","
                + "\"compression_type\":\"tar.xz\"}");
    }

    @Test
    void aManifestEntryIsWrittenWithEveryFieldInItsWireOrderAndReadsBack() throws Exception {
        FileEntry file = new FileEntry("src/a.txt", EntryType.FILE, 12, 0644,
                Instant.parse("2024-07-03T09:46:40.123456Z"), "ab".repeat(32), null, "b1", "65024:17:1700000000000");
        FileEntry link = new FileEntry("src/l\u00e9nk \"q\"", EntryType.SYMLINK, 0, 0777,
                Instant.parse("2024-07-03T09:46:40Z"), null, "../a.txt", null, null);

        assertThat(mapper.writeValueAsString(file)).isEqualTo("{\"path\":\"src/a.txt\",\"type\":\"file\",\"size\":12,"
                + "\"mode\":420,\"mtime\":\"2024-07-03T09:46:40.123456Z\",\"sha256\":\"" + "ab".repeat(32) + "\","
                + "\"link_target\":null,\"stored_in\":\"b1\",\"file_key\":\"65024:17:1700000000000\"}");
        assertThat(mapper.writeValueAsString(link)).isEqualTo("{\"path\":\"src/l\u00e9nk \\\"q\\\"\",\"type\":\"symlink\","
                + "\"size\":0,\"mode\":511,\"mtime\":\"2024-07-03T09:46:40Z\",\"sha256\":null,"
                + "\"link_target\":\"../a.txt\",\"stored_in\":null,\"file_key\":null}");
        for (FileEntry entry : List.of(file, link)) {
            assertThat(mapper.readValue(mapper.writeValueAsString(entry), FileEntry.class)).isEqualTo(entry);
        }
    }

    record Stamp(Instant at) {
    }

    @Test
    void timesInAnyOtherFormReadAndFailAsWithTheJavaTimeModuleAlone() throws Exception {
        ObjectMapper plain = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        for (String value : new String[] {"\"2024-07-03T09:46:40.5Z\"", "\"2024-07-03T10:46:40+01:00\"",
                "\"+10000-01-01T00:00:00Z\"", "\"-0001-12-31T23:59:59.999Z\"", "\"2024-07-03T24:00:00Z\"", "1720000000",
                "1720000000.25"}) {
            String json = "{\"at\":" + value + "}";
            assertThat(mapper.readValue(json, Stamp.class)).as(json).isEqualTo(plain.readValue(json, Stamp.class));
        }
        for (String value : new String[] {"\"2024-02-30T00:00:00Z\"", "\"2024-07-03T09:46:40\"", "\"noon\"",
                "\"2024-07-03T23:59:61Z\"", "true", "[1]"}) {
            String json = "{\"at\":" + value + "}";
            Throwable expected = catchThrowable(() -> plain.readValue(json, Stamp.class));
            assertThat(expected).as(json).isNotNull();
            assertThatThrownBy(() -> mapper.readValue(json, Stamp.class)).as(json)
                    .isInstanceOf(expected.getClass())
                    .hasMessage(expected.getMessage());
        }
    }

    @Test
    void eachCallBuildsAnIndependentMapper() {
        assertThat(BackupJson.newMapper()).isNotSameAs(BackupJson.newMapper());
    }
}
