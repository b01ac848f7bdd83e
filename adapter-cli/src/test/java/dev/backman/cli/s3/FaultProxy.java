package dev.backman.cli.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A TCP proxy on 127.0.0.1 in front of the S3 server, in plain sockets, that makes the network unreliable on
 * purpose: every n-th request fails, alternately with an HTTP 500 and a connection reset, before it reaches the
 * server (so a retried request is never applied twice); and an action can run when a chosen request arrives (e.g.
 * stopping the server in the middle of an upload). One request per connection: the proxy asks the server to close
 * each connection after its response, so it only has to parse request heads.
 */
final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<Trigger> trigger = new AtomicReference<>();
    private volatile int failEvery;

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Fails every {@code n}-th request from now on (0: none). */
    void failEvery(int n) {
        failEvery = n;
    }

    /** Runs {@code action} once, before forwarding the first request whose request line matches. */
    void onRequest(Predicate<String> requestLine, Runnable action) {
        trigger.set(new Trigger(requestLine, action));
    }

    int requests() {
        return requests.get();
    }

    int failures() {
        return failures.get();
    }

    /** The request lines ({@code GET /bucket/key HTTP/1.1}) received since the last call, in order of arrival. */
    List<String> takeRequestLines() {
        List<String> lines = List.copyOf(requestLines);
        requestLines.removeAll(lines);
        return lines;
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
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            Head head = Head.read(in);
            if (head == null) {
                return;
            }
            int number = requests.incrementAndGet();
            requestLines.add(head.requestLine());
            Trigger armed = trigger.get();
            if (armed != null && armed.requestLine().test(head.requestLine()) && trigger.compareAndSet(armed, null)) {
                armed.action().run();
            }
            int every = failEvery;
            if (every > 0 && number % every == 0) {
                fail(client, in, head, failures.incrementAndGet() % 2 == 1);
                return;
            }
            forward(client, in, head);
        } catch (IOException e) {
            // a peer went away: nothing to clean up but the sockets, which try-with-resources closes
        }
    }

    private void fail(Socket client, InputStream in, Head head, boolean serverError) throws IOException {
        if (!serverError) {
            client.setSoLinger(true, 0); // close with RST: "connection reset" for the client
            return;
        }
        if (!head.expectsContinue()) {
            in.skipNBytes(head.contentLength()); // read the body, so the client sees the answer, not a broken pipe
        }
        boolean isHead = head.requestLine().startsWith("HEAD ");
        byte[] body = isHead ? new byte[0] : ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError"
                + "</Code><Message>injected by FaultProxy</Message></Error>").getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private void forward(Socket client, InputStream in, Head head) throws IOException {
        Socket server;
        try {
            server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        } catch (IOException e) {
            client.setSoLinger(true, 0); // the server is down
            return;
        }
        try (server) {
            OutputStream up = server.getOutputStream();
            up.write(head.forwarded());
            up.flush();
            threads.execute(() -> pump(in, up));
            server.getInputStream().transferTo(client.getOutputStream());
            client.getOutputStream().flush();
        }
    }

    private static void pump(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException e) {
            // the exchange is over
        }
    }

    private record Trigger(Predicate<String> requestLine, Runnable action) {
    }

    /** A request's head: its lines as received, and the bytes to forward (with {@code Connection: close}). */
    private record Head(String requestLine, String text) {

        static Head read(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int matched = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                bytes.write(b);
                matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
                if (matched == 4) {
                    String text = bytes.toString(StandardCharsets.ISO_8859_1);
                    return new Head(text.substring(0, text.indexOf("\r\n")), text);
                }
            }
            return null;
        }

        byte[] forwarded() {
            StringBuilder out = new StringBuilder();
            for (String line : text.split("\r\n")) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    out.append(line).append("\r\n");
                }
            }
            out.append("Connection: close\r\n\r\n");
            return out.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        long contentLength() {
            String value = header("content-length");
            return value == null ? 0 : Long.parseLong(value.trim());
        }

        boolean expectsContinue() {
            String value = header("expect");
            return value != null && value.trim().equalsIgnoreCase("100-continue");
        }

        private String header(String name) {
            for (String line : text.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1);
                }
            }
            return null;
        }
    }
}
