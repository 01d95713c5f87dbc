package io.millwright.kit.rest;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.model.common.ModelJson;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** REST APIs write JSON the way events do (ISO dates, plain decimals, tolerant reading): one convention everywhere. */
@Singleton
public class JsonConventions implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        ModelJson.configure(mapper);
    }
}
