package dev.backman.endtoend;

import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Counts how often each object is opened for reading, to prove archives are read once. */
final class CountingStorage extends ForwardingStorage {
    final Map<String, Integer> opens = new ConcurrentHashMap<>();

    CountingStorage(ArchiveStorage real) {
        super(real);
    }

    @Override
    public Optional<StoredObject> find(String key) {
        return real.find(key).map(object -> new StoredObject() {
            @Override
            public String key() {
                return object.key();
            }

            @Override
            public long size() {
                return object.size();
            }

            @Override
            public InputStream openStream() throws IOException {
                opens.merge(key, 1, Integer::sum);
                return object.openStream();
            }

            @Override
            public SeekableByteChannel openChannel() throws IOException {
                opens.merge(key, 1, Integer::sum);
                return object.openChannel();
            }
        });
    }
}
