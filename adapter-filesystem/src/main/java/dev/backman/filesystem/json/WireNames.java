package dev.backman.filesystem.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes an enum as its wire name ({@code in_progress}, {@code tar.zst}) and reads only those names back, with an
 * error that lists the accepted ones.
 */
final class WireNames<E extends Enum<E>> {
    private final Class<E> type;
    private final Function<E, String> wireName;
    private final Map<String, E> byName;

    WireNames(Class<E> type, Function<E, String> wireName) {
        this.type = type;
        this.wireName = wireName;
        this.byName = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toUnmodifiableMap(wireName, Function.identity()));
    }

    void registerIn(SimpleModule module) {
        module.addSerializer(type, new Serializer());
        module.addDeserializer(type, new Deserializer());
    }

    private String accepted() {
        return Arrays.stream(type.getEnumConstants()).map(wireName).collect(Collectors.joining(", "));
    }

    private final class Serializer extends StdScalarSerializer<E> {
        Serializer() {
            super(type);
        }

        @Override
        public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(wireName.apply(value));
        }
    }

    private final class Deserializer extends StdScalarDeserializer<E> {
        Deserializer() {
            super(type);
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String text = p.getText();
            E value = byName.get(text);
            if (value == null) {
                throw ctxt.weirdStringException(text, type, "expected one of " + accepted());
            }
            return value;
        }
    }
}
