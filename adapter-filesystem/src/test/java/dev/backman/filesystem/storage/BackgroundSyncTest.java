package dev.backman.filesystem.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.StorageFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A staged file is flushed to disk in the background while it is written, and a failed flush fails its commit. */
class BackgroundSyncTest {
    private static final int INTERVAL = 64 * 1024;

    @TempDir
    Path dir;

    private final StorageFailures failures = new StorageFailures("/srv/backups");

    @Test
    void aLargeObjectIsFlushedWhileItIsWrittenAndCommitsEveryByte() throws IOException {
        AtomicInteger flushes = new AtomicInteger();
        byte[] content = new byte[INTERVAL * 8 + 123];
        new Random(7).nextBytes(content);
        Path temp = Files.createFile(dir.resolve("b1.tar.part"));

        try (LocalStagedObject staged = LocalStagedObject.open("archives/b1.tar", temp, dir.resolve("b1.tar"),
                failures, INTERVAL, channel -> {
                    flushes.incrementAndGet();
                    channel.force(false);
                })) {
            for (int at = 0; at < content.length; at += 1000) {
                staged.output().write(content, at, Math.min(1000, content.length - at));
            }
            assertThat(staged.commit()).isEqualTo(content.length);
        }

        assertThat(flushes.get()).isBetween(1, 8);
        assertThat(Files.readAllBytes(dir.resolve("b1.tar"))).isEqualTo(content);
        assertThat(temp).doesNotExist();
    }

    @Test
    void aSmallObjectStartsNoFlushOfItsOwn() throws IOException {
        AtomicInteger flushes = new AtomicInteger();
        Path temp = Files.createFile(dir.resolve("m.json.part"));

        try (LocalStagedObject staged = LocalStagedObject.open("manifests/b1.json", temp, dir.resolve("b1.json"),
                failures, INTERVAL, channel -> flushes.incrementAndGet())) {
            staged.output().write(new byte[INTERVAL - 1]);
            staged.commit();
        }

        assertThat(flushes.get()).isZero();
    }

    @Test
    void aFailedBackgroundFlushFailsTheCommitAndPublishesNothing() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        Path temp = Files.createFile(dir.resolve("b2.tar.part"));

        try (LocalStagedObject staged = LocalStagedObject.open("archives/b2.tar", temp, dir.resolve("b2.tar"),
                failures, INTERVAL, channel -> {
                    failed.countDown();
                    throw new IOException("Input/output error");
                })) {
            staged.output().write(new byte[INTERVAL]);
            assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(staged::commit)
                    .isInstanceOf(StorageFailure.class)
                    .hasMessageContaining("cannot write archives/b2.tar")
                    .hasMessageContaining("Input/output error");
        }
        assertThat(dir.resolve("b2.tar")).doesNotExist();
        assertThat(temp).doesNotExist();
    }

    @Test
    void aFailedBackgroundFlushFailsTheNextWrite() throws Exception {
        Path temp = Files.createFile(dir.resolve("b3.tar.part"));

        try (LocalStagedObject staged = LocalStagedObject.open("archives/b3.tar", temp, dir.resolve("b3.tar"),
                failures, INTERVAL, channel -> {
                    throw new IOException("Input/output error");
                })) {
            staged.output().write(new byte[INTERVAL]);

            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) { // until the flush thread has failed
                    staged.output().write(new byte[16]);
                    Thread.sleep(1);
                }
            }).isInstanceOf(StorageFailure.class).hasMessageContaining("Input/output error");
        }
        assertThat(dir.resolve("b3.tar")).doesNotExist();
    }
}
