package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.application.BackupManager;
import dev.backman.application.RestoreRequest;
import dev.backman.application.UpgradeReport;
import dev.backman.cli.FormatOneRepository;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.StagedObject;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import dev.backman.filesystem.storage.LocalDiskArchiveStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code repo upgrade} cut off after any number of its writes (four manifests, then the descriptor) leaves a format 1
 * repository that lists, restores and rebuilds as before; running it again finishes the job.
 */
class InterruptedUpgradeTest {
    private static final List<String> IDS = List.of("b1", "b2", "b3", "b4");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path source;
    Path repo;
    BackupConfig config;
    MutableClock clock;

    @BeforeEach
    void formatOneRepositoryWithFourBackups() throws IOException {
        source = TreeFixture.tricky(dir, "project");
        repo = dir.resolve("backups");
        config = BackupConfig.defaults().withSourcePaths(List.of(source)).withBackupLocation(repo.toString())
                .withRetentionDays(0);
        clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
        try (BackupManager manager = Managers.onDisk(config, clock)) {
            for (String id : IDS) {
                TreeFixture.write(source.resolve(id + ".txt"), id);
                manager.createBackup(id);
                clock.advance(Duration.ofHours(1));
            }
        }
        FormatOneRepository.downgrade(new LocalDiskArchiveStorage(repo));
    }

    @ParameterizedTest(name = "cut off after {0} write(s)")
    @ValueSource(ints = {0, 1, 3, 4})
    void anInterruptedUpgradeLeavesFormatOneReadableAndARerunFinishesIt(int writesBeforeFailure) throws IOException {
        try (BackupManager upgrading = Managers.onDisk(config, clock, new CommonsCompressArchiveCodec(),
                ProgressListener.NONE, real -> new FailingAfterWrites(real, writesBeforeFailure))) {
            assertThatThrownBy(upgrading::upgradeRepository).isInstanceOf(StorageFailure.class)
                    .hasMessageContaining("interrupted");
        }

        assertThat(FormatOneRepository.formatVersion(repo)).isEqualTo(1);
        assertThat(manifestsNamingTheRepository()).isEqualTo(writesBeforeFailure);
        try (BackupManager reader = Managers.onDisk(config, clock)) {
            assertThat(reader.listBackups()).extracting(BackupMetadata::backupId).containsExactlyElementsOf(IDS);
            for (String id : IDS) {
                Path target = dir.resolve("restored-" + id);
                reader.restore(RestoreRequest.of(id, target));
                assertThat(Files.readString(target.resolve("project/" + id + ".txt"))).isEqualTo(id);
            }
            assertThat(reader.rebuildCatalog().problems()).isEmpty();
            assertThat(reader.verify(List.of()).allIntact()).isTrue();
        }

        UpgradeReport rerun;
        try (BackupManager manager = Managers.onDisk(config, clock)) {
            rerun = manager.upgradeRepository();
        }
        assertThat(rerun.fromVersion()).isEqualTo(1);
        assertThat(rerun.toVersion()).isEqualTo(2);
        assertThat(rerun.manifestsRewritten()).isEqualTo(IDS.size() - writesBeforeFailure);
        assertThat(FormatOneRepository.formatVersion(repo)).isEqualTo(2);
        assertThat(manifestsNamingTheRepository()).isEqualTo(IDS.size());
    }

    private int manifestsNamingTheRepository() throws IOException {
        String id = JSON.readTree(repo.resolve(RepositoryLayout.DESCRIPTOR).toFile()).get("repository_id").asText();
        int naming = 0;
        try (Stream<Path> files = Files.list(repo.resolve("manifests"))) {
            for (Path file : files.toList()) {
                JsonNode named = JSON.readTree(file.toFile()).get("repository_id");
                if (named != null && id.equals(named.asText())) {
                    naming++;
                }
            }
        }
        return naming;
    }

    /** The real storage, failing (like a process killed, or storage gone) once it has written {@code allowed} objects. */
    private static final class FailingAfterWrites extends ForwardingStorage {
        private int allowed;

        FailingAfterWrites(ArchiveStorage real, int allowed) {
            super(real);
            this.allowed = allowed;
        }

        @Override
        public StagedObject stage(String key) {
            if (allowed-- <= 0) {
                throw new StorageFailure(location(), "cannot write " + key + ": interrupted", false, null);
            }
            return real.stage(key);
        }
    }
}
