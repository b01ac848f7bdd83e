package dev.backman.crypto;

import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory storage whose stored bytes tests can inspect and alter. */
final class MemoryStorage implements ArchiveStorage {
    final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
    /** Keys asked for by {@link #find}, then by {@link #read}: what a remote store would answer with a request each. */
    final List<String> finds = new CopyOnWriteArrayList<>();
    final List<String> reads = new CopyOnWriteArrayList<>();

    @Override
    public String location() {
        return "memory";
    }

    @Override
    public StagedObject stage(String key) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        return new StagedObject() {
            @Override
            public OutputStream output() {
                return buffer;
            }

            @Override
            public long commit() {
                objects.put(key, buffer.toByteArray());
                return buffer.size();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Optional<byte[]> read(String key) {
        reads.add(key);
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public Optional<StoredObject> find(String key) {
        finds.add(key);
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredObject() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public SeekableByteChannel openChannel() {
                return new ByteArrayChannel(bytes);
            }
        });
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return objects.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new ObjectInfo(e.getKey(), e.getValue().length)).toList();
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    @Override
    public void removeLeftovers() {
    }

    @Override
    public void close() {
    }
}
