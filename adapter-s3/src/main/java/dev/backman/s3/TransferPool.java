package dev.backman.s3;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that send a storage's parts or fetch its ranges: daemon threads that exist only while transfers run. */
final class TransferPool {
    private TransferPool() {
    }

    /**
     * A pool of {@code threads} daemon threads named {@code name-1}, {@code name-2}, …. Its queue needs no bound: each
     * upload has at most uploadThreads + 1 parts outstanding, each ranged read at most downloadThreads ranges.
     */
    static ExecutorService create(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
