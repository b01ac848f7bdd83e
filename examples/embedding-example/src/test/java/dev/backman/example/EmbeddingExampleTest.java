package dev.backman.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both example hosts back up, list and restore through the public API, and hear about it through the listener. */
class EmbeddingExampleTest {
    @TempDir
    Path dir;

    @Test
    void plainJavaHostRestoresWhatItBackedUpAndHearsProgress() throws IOException {
        Path source = project(dir.resolve("project"));
        RecordingListener listener = new RecordingListener();

        HostRun run = silently(() -> PlainJavaHost.run(source, dir.resolve("repo"), dir.resolve("out"), listener));

        assertCompleteRoundTrip(run, listener);
        assertThat(dir.resolve("repo/archives/" + run.backup().backupId() + ".tar.zst")).exists();
    }

    @Test
    void guiceHostRestoresWhatItBackedUpAndHearsProgress() throws IOException {
        Path source = project(dir.resolve("project"));
        RecordingListener listener = new RecordingListener();

        HostRun run = silently(() -> GuiceHost.run(source, dir.resolve("repo"), dir.resolve("out"), listener));

        assertCompleteRoundTrip(run, listener);
        assertThat(dir.resolve("repo/archives/" + run.backup().backupId() + ".zip")).exists();
    }

    @Test
    void bothHostsShareOneRepositoryFormat() throws IOException {
        Path source = project(dir.resolve("project"));
        Path repo = dir.resolve("repo");

        HostRun first = silently(() -> PlainJavaHost.run(source, repo, dir.resolve("out1"), ProgressListener.NONE));
        Files.writeString(source.resolve("later.txt"), "added between the hosts\n");
        HostRun second = silently(() -> GuiceHost.run(source, repo, dir.resolve("out2"), ProgressListener.NONE));

        assertThat(second.listed()).extracting(BackupMetadata::backupId)
                .containsExactly(first.backup().backupId(), second.backup().backupId());
        assertThat(second.identical()).isTrue();
    }

    private static void assertCompleteRoundTrip(HostRun run, RecordingListener listener) {
        assertThat(run.backup().status()).isEqualTo(BackupStatus.COMPLETED);
        assertThat(run.backup().totalFiles()).isEqualTo(3);
        assertThat(run.listed()).extracting(BackupMetadata::backupId).containsExactly(run.backup().backupId());
        assertThat(run.restored().filesWritten()).isEqualTo(3);
        assertThat(run.identical()).as("the restored tree equals the source").isTrue();
        assertThat(listener.phases()).contains(Progress.Phase.SCANNING, Progress.Phase.ARCHIVING,
                Progress.Phase.RESTORING);
        assertThat(listener.progress).filteredOn(p -> p.phase() == Progress.Phase.RESTORING)
                .last().satisfies(p -> assertThat(p.bytesDone()).isEqualTo(run.backup().totalSizeBytes()));
        assertThat(listener.warnings).isEmpty();
    }

    /** Runs {@code host}, proving that nothing reaches standard output: backman reports through the listener. */
    private static HostRun silently(java.util.function.Supplier<HostRun> host) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        HostRun run;
        try {
            run = host.get();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString()).as("standard output").isEmpty();
        return run;
    }

    private static Path project(Path root) throws IOException {
        Files.createDirectories(root.resolve("src/main"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("README.md"), "# a project\n");
        Files.writeString(root.resolve("src/main/App.java"), "class App {}\n".repeat(500));
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + i / 1000);
        }
        Files.write(root.resolve("src/data.bin"), data);
        return root;
    }

    /** Keeps every snapshot and warning. */
    private static final class RecordingListener implements ProgressListener {
        final List<Progress> progress = new CopyOnWriteArrayList<>();
        final List<String> warnings = new CopyOnWriteArrayList<>();

        @Override
        public void onProgress(Progress value) {
            progress.add(value);
        }

        @Override
        public void onWarning(String message) {
            warnings.add(message);
        }

        List<Progress.Phase> phases() {
            return progress.stream().map(Progress::phase).distinct().toList();
        }
    }
}
