package dev.backman.s3;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.security.Permission;
import java.util.List;
import java.util.Map;

/**
 * An {@link HttpURLConnection} whose request body reaches the socket in writes of {@link #WRITE_SIZE} bytes.
 *
 * <p>Why: the SDK's {@code UrlConnectionHttpClient} copies a body in 4 KiB pieces, and the JDK's streaming output
 * flushes after every write, so a 1 GiB upload took 262,144 {@code write} system calls of 4 KiB each, and the server
 * as many wake-ups. Buffering here turns them into 8,192 writes of 128 KiB (the most the JDK's socket writes at once).
 * Every other call goes to the JDK's connection unchanged; the buffer is flushed before anything that ends the
 * request (response code, headers, streams), so a short body still fails with the JDK's own error.
 */
final class LargeWriteConnection extends HttpURLConnection {
    /** Bytes per socket write: the largest the JDK's socket implementation sends in one call. */
    static final int WRITE_SIZE = 128 * 1024;

    private final HttpURLConnection connection;
    private BufferedOutputStream body;

    LargeWriteConnection(HttpURLConnection connection) {
        super(connection.getURL());
        this.connection = connection;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (body == null) {
            body = new BufferedOutputStream(connection.getOutputStream(), WRITE_SIZE);
        }
        return body;
    }

    /** Sends what the body buffer still holds; the request is complete from here on. */
    private void endBody() throws IOException {
        if (body != null) {
            BufferedOutputStream pending = body;
            body = null;
            pending.flush();
        }
    }

    @Override
    public int getResponseCode() throws IOException {
        endBody();
        return connection.getResponseCode();
    }

    @Override
    public String getResponseMessage() throws IOException {
        endBody();
        return connection.getResponseMessage();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        endBody();
        return connection.getInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        flushQuietly();
        return connection.getErrorStream();
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        flushQuietly();
        return connection.getHeaderFields();
    }

    @Override
    public String getHeaderField(String name) {
        flushQuietly();
        return connection.getHeaderField(name);
    }

    @Override
    public String getHeaderField(int n) {
        flushQuietly();
        return connection.getHeaderField(n);
    }

    @Override
    public String getHeaderFieldKey(int n) {
        flushQuietly();
        return connection.getHeaderFieldKey(n);
    }

    /** For the calls that cannot throw: the JDK's connection reports a failed send from its own calls. */
    private void flushQuietly() {
        try {
            endBody();
        } catch (IOException e) {
            // the response code, headers and streams of the JDK's connection then report it
        }
    }

    @Override
    public void connect() throws IOException {
        connection.connect();
    }

    @Override
    public void disconnect() {
        body = null;
        connection.disconnect();
    }

    @Override
    public boolean usingProxy() {
        return connection.usingProxy();
    }

    @Override
    public URL getURL() {
        return connection.getURL();
    }

    @Override
    public Permission getPermission() throws IOException {
        return connection.getPermission();
    }

    @Override
    public void setRequestMethod(String method) throws java.net.ProtocolException {
        connection.setRequestMethod(method);
    }

    @Override
    public String getRequestMethod() {
        return connection.getRequestMethod();
    }

    @Override
    public void setRequestProperty(String key, String value) {
        connection.setRequestProperty(key, value);
    }

    @Override
    public void addRequestProperty(String key, String value) {
        connection.addRequestProperty(key, value);
    }

    @Override
    public String getRequestProperty(String key) {
        return connection.getRequestProperty(key);
    }

    @Override
    public Map<String, List<String>> getRequestProperties() {
        return connection.getRequestProperties();
    }

    @Override
    public void setFixedLengthStreamingMode(int contentLength) {
        connection.setFixedLengthStreamingMode(contentLength);
    }

    @Override
    public void setFixedLengthStreamingMode(long contentLength) {
        connection.setFixedLengthStreamingMode(contentLength);
    }

    @Override
    public void setChunkedStreamingMode(int chunkLength) {
        connection.setChunkedStreamingMode(chunkLength);
    }

    @Override
    public void setDoOutput(boolean value) {
        connection.setDoOutput(value);
    }

    @Override
    public boolean getDoOutput() {
        return connection.getDoOutput();
    }

    @Override
    public void setDoInput(boolean value) {
        connection.setDoInput(value);
    }

    @Override
    public boolean getDoInput() {
        return connection.getDoInput();
    }

    @Override
    public void setUseCaches(boolean value) {
        connection.setUseCaches(value);
    }

    @Override
    public boolean getUseCaches() {
        return connection.getUseCaches();
    }

    @Override
    public void setInstanceFollowRedirects(boolean value) {
        connection.setInstanceFollowRedirects(value);
    }

    @Override
    public boolean getInstanceFollowRedirects() {
        return connection.getInstanceFollowRedirects();
    }

    @Override
    public void setConnectTimeout(int millis) {
        connection.setConnectTimeout(millis);
    }

    @Override
    public int getConnectTimeout() {
        return connection.getConnectTimeout();
    }

    @Override
    public void setReadTimeout(int millis) {
        connection.setReadTimeout(millis);
    }

    @Override
    public int getReadTimeout() {
        return connection.getReadTimeout();
    }

    @Override
    public long getContentLengthLong() {
        flushQuietly();
        return connection.getContentLengthLong();
    }

    @Override
    public String getContentType() {
        flushQuietly();
        return connection.getContentType();
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
