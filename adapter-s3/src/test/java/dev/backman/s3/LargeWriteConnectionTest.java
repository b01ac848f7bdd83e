package dev.backman.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LargeWriteConnectionTest {
    private static final int PIECE = 4096; // what the SDK's body copy writes at a time

    @Test
    void aBodyWrittenInSmallPiecesReachesTheJdkConnectionInLargeWritesAndWhollyBeforeTheResponseIsRead()
            throws IOException {
        RecordingConnection jdk = new RecordingConnection();
        HttpURLConnection connection = new LargeWriteConnection(jdk);
        byte[] body = randomBytes(3 * LargeWriteConnection.WRITE_SIZE + 1000);

        OutputStream out = connection.getOutputStream();
        for (int offset = 0; offset < body.length; offset += PIECE) {
            out.write(body, offset, Math.min(PIECE, body.length - offset));
        }
        int status = connection.getResponseCode();

        assertThat(status).isEqualTo(200);
        assertThat(jdk.events).containsExactly("write " + LargeWriteConnection.WRITE_SIZE,
                "write " + LargeWriteConnection.WRITE_SIZE, "write " + LargeWriteConnection.WRITE_SIZE,
                "write 1000", "flush", "response code");
        assertThat(jdk.body.toByteArray()).isEqualTo(body);
    }

    @Test
    void aBodySentToARealServerArrivesWhole() throws IOException {
        AtomicReference<byte[]> received = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.set(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            byte[] body = randomBytes(5 * LargeWriteConnection.WRITE_SIZE + 77);
            HttpURLConnection connection = open(server, body.length);
            OutputStream out = connection.getOutputStream();
            for (int offset = 0; offset < body.length; offset += PIECE) {
                out.write(body, offset, Math.min(PIECE, body.length - offset));
            }

            assertThat(connection.getResponseCode()).isEqualTo(204);
            assertThat(received.get()).isEqualTo(body);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthStillFailsWithTheJdksError() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            HttpURLConnection connection = open(server, 10_000);
            connection.getOutputStream().write(new byte[9_999]);

            assertThatThrownBy(connection::getResponseCode).isInstanceOf(IOException.class)
                    .hasMessageContaining("insufficient data written");
        } finally {
            server.stop(0);
        }
    }

    private static HttpURLConnection open(HttpServer server, int length) throws IOException {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/part");
        HttpURLConnection connection = S3ClientFactory.open(uri, S3Settings.defaults());
        assertThat(connection).isInstanceOf(LargeWriteConnection.class);
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(length);
        return connection;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** Stands for the JDK's connection: records what reaches its body stream and when the response is asked for. */
    private static final class RecordingConnection extends HttpURLConnection {
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        RecordingConnection() {
            super(url());
        }

        private static URL url() {
            try {
                return URI.create("http://127.0.0.1:9/part").toURL();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    events.add("write " + length);
                    body.write(bytes, offset, length);
                }

                @Override
                public void flush() {
                    events.add("flush");
                }
            };
        }

        @Override
        public int getResponseCode() {
            events.add("response code");
            return 200;
        }

        @Override
        public void disconnect() {
            events.add("disconnect");
        }

        @Override
        public boolean usingProxy() {
            return false;
        }

        @Override
        public void connect() {
            events.add("connect");
        }

        @Override
        public String toString() {
            return Arrays.toString(events.toArray());
        }
    }
}
