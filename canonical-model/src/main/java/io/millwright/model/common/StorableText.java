package io.millwright.model.common;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Text values Millwright reads must be storable as text: the NUL character (U+0000, {@code \u0000} in JSON) is valid
 * JSON but no PostgreSQL text column can hold it. It is refused when the value is read, with the field's path, so a
 * caller gets a 4xx naming the field (and a message a dead letter with the reason) instead of a database error later.
 */
public final class StorableText extends StdScalarDeserializer<String> {

    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private StorableText() {
        super(String.class);
    }

    /** The module that applies the rule to every {@code String} a mapper reads. */
    public static SimpleModule module() {
        return new SimpleModule("millwright-storable-text").addDeserializer(String.class, new StorableText());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(parser, NUL_MESSAGE, value.replace("\0", "\\u0000"), String.class);
        }
        return value;
    }
}
