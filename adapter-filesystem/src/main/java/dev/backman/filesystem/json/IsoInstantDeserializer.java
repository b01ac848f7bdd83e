package dev.backman.filesystem.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads the times backman writes ({@link IsoInstant#format}) with {@link IsoInstant#parse}; any other text or token
 * goes to the JSR-310 module's own deserializer, so every other form it accepts, and every error it reports, stays
 * as it was.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> implements ContextualDeserializer {
    private final JsonDeserializer<Instant> general;

    IsoInstantDeserializer() {
        this(InstantDeserializer.INSTANT);
    }

    private IsoInstantDeserializer(JsonDeserializer<Instant> general) {
        super(Instant.class);
        this.general = general;
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = IsoInstant.parse(parser.getText());
            if (instant != null) {
                return instant;
            }
        }
        return general.deserialize(parser, context);
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = general instanceof ContextualDeserializer c
                ? c.createContextual(context, property) : general;
        return contextual == general ? this : new IsoInstantDeserializer((JsonDeserializer<Instant>) contextual);
    }

    @Override
    public LogicalType logicalType() {
        return general.logicalType();
    }
}
