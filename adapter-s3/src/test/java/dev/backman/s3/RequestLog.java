package dev.backman.s3;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Records every request a client sends (operation and HTTP headers, before signing and as transmitted). Can drop
 * headers the test server does not implement (object lock), damage request bodies, delay requests and cut response
 * bodies off, to test what a real service and network would do.
 */
final class RequestLog implements ExecutionInterceptor {
    /** One request: the operation's request object and its headers. */
    record Sent(SdkRequest request, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Sent> transmitted = new CopyOnWriteArrayList<>();
    private volatile String droppedHeaderPrefix;
    private volatile Predicate<SdkRequest> damaged = request -> false;
    private volatile long delayMillis;
    private final AtomicInteger brokenBodies = new AtomicInteger();
    private volatile Predicate<SdkRequest> broken = request -> false;
    private volatile Predicate<SdkRequest> delayed = request -> false;

    /** Sends requests without headers starting with {@code prefix} (after recording them). */
    RequestLog dropHeaders(String prefix) {
        droppedHeaderPrefix = prefix;
        return this;
    }

    /** Flips the first byte of the body of matching requests, after the client computed its checksums. */
    RequestLog damageBodies(Predicate<SdkRequest> which) {
        damaged = which;
        return this;
    }

    /** Holds matching requests for {@code millis} before they are sent. */
    RequestLog delay(Predicate<SdkRequest> which, long millis) {
        delayed = which;
        delayMillis = millis;
        return this;
    }

    /** Cuts the response bodies of the next {@code count} matching requests off after a few bytes. */
    RequestLog breakResponseBodies(Predicate<SdkRequest> which, int count) {
        broken = which;
        brokenBodies.set(count);
        return this;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    <T extends SdkRequest> List<Sent> sent(Class<T> type) {
        return sent.stream().filter(s -> type.isInstance(s.request())).toList();
    }

    /** The requests of that operation as they went on the wire: signed, with the headers the signer added. */
    <T extends SdkRequest> List<Sent> transmitted(Class<T> type) {
        return transmitted.stream().filter(s -> type.isInstance(s.request())).toList();
    }

    void clear() {
        sent.clear();
        transmitted.clear();
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest http = context.httpRequest();
        sent.add(new Sent(context.request(), Map.copyOf(http.headers())));
        String prefix = droppedHeaderPrefix;
        if (prefix == null) {
            return http;
        }
        SdkHttpRequest.Builder builder = http.toBuilder();
        http.headers().keySet().stream().filter(name -> name.toLowerCase().startsWith(prefix))
                .forEach(builder::removeHeader);
        return builder.build();
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Optional<RequestBody> body = context.requestBody();
        if (body.isEmpty() || !damaged.test(context.request())) {
            return body;
        }
        try (InputStream in = body.get().contentStreamProvider().newStream()) {
            byte[] bytes = in.readAllBytes();
            bytes[0] ^= 0x55;
            return Optional.of(RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes), bytes.length,
                    "application/octet-stream"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty() || !broken.test(context.request()) || brokenBodies.getAndDecrement() <= 0) {
            return body;
        }
        return Optional.of(new FilterInputStream(body.get()) {
            private int left = 10;

            @Override
            public int read() throws IOException {
                return --left < 0 ? fail() : super.read();
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return left <= 0 ? fail() : consume(super.read(bytes, offset, Math.min(length, left)));
            }

            private int consume(int n) {
                left -= Math.max(n, 0);
                return n;
            }

            private int fail() throws IOException {
                throw new IOException("connection reset (test)");
            }
        });
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        transmitted.add(new Sent(context.request(), Map.copyOf(context.httpRequest().headers())));
        if (delayed.test(context.request())) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
