package dev.backman.endtoend;

import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.util.List;
import java.util.Optional;

/** A storage that hands every call to a real one; test decorators override only the calls they change. */
abstract class ForwardingStorage implements ArchiveStorage {
    protected final ArchiveStorage real;

    ForwardingStorage(ArchiveStorage real) {
        this.real = real;
    }

    @Override
    public String location() {
        return real.location();
    }

    @Override
    public StagedObject stage(String key) {
        return real.stage(key);
    }

    @Override
    public Optional<StoredObject> find(String key) {
        return real.find(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return real.list(prefix);
    }

    @Override
    public void delete(String key) {
        real.delete(key);
    }

    @Override
    public void removeLeftovers() {
        real.removeLeftovers();
    }

    @Override
    public void close() {
        real.close();
    }
}
