package dev.backman.filesystem.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;

/**
 * Writes a {@link Path} as the plain string a user typed ({@code /home/ana/src}); Jackson's default would be a
 * {@code file://} URI.
 */
final class PathAsString extends FromStringDeserializer<Path> {
    private PathAsString() {
        super(Path.class);
    }

    static void registerIn(SimpleModule module) {
        module.addSerializer(Path.class, ToStringSerializer.instance);
        module.addDeserializer(Path.class, new PathAsString());
    }

    @Override
    protected Path _deserialize(String value, DeserializationContext ctxt) {
        return Path.of(value);
    }
}
