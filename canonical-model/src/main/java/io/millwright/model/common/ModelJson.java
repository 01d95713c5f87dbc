package io.millwright.model.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping every producer and consumer of Millwright payloads uses, so that what one
 * side writes the other reads back equal: ISO-8601 timestamps, plain decimals (no {@code 1E+3},
 * no binary floating point), unknown properties ignored (tolerant reader), nulls omitted, and no text a database
 * cannot store ({@link StorableText}).
 */
public final class ModelJson {

    private static final ObjectMapper SHARED = configure(JsonMapper.builder().build());

    private ModelJson() {
    }

    /** The shared, pre-configured mapper. Do not reconfigure it; use {@link #newMapper()} for that. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** A fresh mapper with the Millwright settings, for callers that need to register more modules. */
    public static ObjectMapper newMapper() {
        return configure(JsonMapper.builder().build());
    }

    /** Applies the Millwright settings to an existing mapper (e.g. a framework-managed one) and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(StorableText.module());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
        return mapper;
    }
}
