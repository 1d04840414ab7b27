package org.backbone.kit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Quarkus REST reads every request body by {@link StrictJson}'s rules. */
@Singleton
public class StrictRestJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.configure(mapper);
    }

    /** Last: its deserializers (text-only times and dates) must win over the modules registered before it. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
