package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZipEntryQueueTest {

    private static final long BUDGET = 100_000;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<String> written = Collections.synchronizedList(new ArrayList<>());
    private final ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes) {
        @Override
        public void addRawArchiveEntry(ZipArchiveEntry entry, java.io.InputStream raw) throws IOException {
            written.add(entry.getName());
            super.addRawArchiveEntry(entry, raw);
        }
    };
    private final ZipEntryQueue queue = new ZipEntryQueue(zip, Executors.newFixedThreadPool(2),
            new ZipEntryQueue.Limits(BUDGET, 1, 4));

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void entriesAreWrittenInTheOrderAddedEvenWhenLaterOnesFinishFirst() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        queue.reserve(1000, 0);
        queue.submit(() -> {
            slow.await();
            return entry("first");
        }, 1000, 0, null);
        queue.reserve(1000, 0);
        queue.submit(() -> entry("second"), 1000, 0, null);
        queue.reserve(1000, 0);
        queue.add(entry("third"), 1000, 0);

        assertThat(written).isEmpty();
        slow.countDown();
        queue.writeAll();
        assertThat(written).containsExactly("first", "second", "third");
    }

    @Test
    void reservingBeyondTheMemoryBudgetWaitsForTheOldestEntry() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        queue.reserve(BUDGET - 10, 0);
        queue.submit(() -> {
            slow.await();
            return entry("big");
        }, BUDGET - 10, 0, null);

        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> {
            try {
                queue.reserve(1000, 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(200);
        assertThat(next).as("blocked while the budget is used up").isNotDone();
        slow.countDown();
        next.get(10, TimeUnit.SECONDS);
        assertThat(written).containsExactly("big");
    }

    @Test
    void reservingATemporaryFileBeyondTheLimitWritesTheOldestFirst() throws Exception {
        queue.reserve(0, 1);
        queue.add(entry("spilled"), 0, 0); // still counted: the reservation stays until it is written
        assertThat(written).containsExactly("spilled"); // nothing before it: written at once

        CountDownLatch slow = new CountDownLatch(1);
        queue.reserve(0, 1);
        queue.submit(() -> {
            slow.await();
            return entry("spilled-2");
        }, 0, 1, null);
        slow.countDown();
        queue.reserve(0, 1); // waits for spilled-2 to be written
        assertThat(written).containsExactly("spilled", "spilled-2");
    }

    @Test
    void aFailedEntryFailsTheNextAdditionAndTheEnd() throws Exception {
        queue.reserve(10, 0);

        assertThatThrownBy(() -> {
            // the failure may surface at once, when submit writes what is already finished, or at a later addition
            queue.submit(() -> {
                throw new IOException("disk on fire");
            }, 10, 0, null);
            for (int i = 0; i < 100; i++) {
                queue.reserve(10, 0);
                Thread.sleep(10);
            }
        }).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThatThrownBy(queue::writeAll).isInstanceOf(IOException.class);
    }

    private static CompressedEntry entry(String name) {
        byte[] content = name.getBytes(StandardCharsets.UTF_8);
        ZipArchiveEntry header = new ZipArchiveEntry(name);
        CRC32 crc = new CRC32();
        crc.update(content);
        header.setMethod(ZipArchiveEntry.STORED);
        header.setCrc(crc.getValue());
        header.setSize(content.length);
        header.setCompressedSize(content.length);
        return new CompressedEntry(header, new SmallPayload(content));
    }
}
