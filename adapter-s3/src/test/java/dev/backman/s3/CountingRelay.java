package dev.backman.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain TCP relay on 127.0.0.1 in front of a server that counts the bytes the server sends back. It does not
 * touch HTTP (keep-alive connections stay as the client and server make them), so it shows what a client really
 * reads off the network, including bytes its HTTP stack drains after the caller closed a response.
 */
final class CountingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final AtomicLong fromServer = new AtomicLong();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "counting-relay");
        thread.setDaemon(true);
        return thread;
    });

    CountingRelay(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Bytes the server has sent to clients so far. */
    long bytesFromServer() {
        return fromServer.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                threads.execute(() -> pump(client, server, null));
                threads.execute(() -> pump(server, client, fromServer));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter) {
        byte[] buffer = new byte[64 * 1024];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (counter != null) {
                    counter.addAndGet(n);
                }
            }
        } catch (IOException e) {
            // one side went away: the other is closed with it
        }
    }
}
