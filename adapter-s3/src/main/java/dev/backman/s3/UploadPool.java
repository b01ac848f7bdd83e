package dev.backman.s3;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that send a storage's parts: daemon threads that exist only while uploads run. */
final class UploadPool {
    private UploadPool() {
    }

    static ExecutorService create(int threads) {
        AtomicInteger count = new AtomicInteger();
        // the queue needs no bound: each upload has at most uploadThreads + 1 buffers, hence parts, outstanding
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "backman-s3-upload-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
