package org.backbone.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event payloads against the catalogue's JSON Schemas (draft 2020-12). Schemas are
 * loaded once and cached; the instance is thread-safe.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of {@code payload} against the schema of {@code descriptor}; empty when valid. */
    public static List<String> violations(EventDescriptor descriptor, JsonNode payload) {
        return schema(descriptor).validate(payload).stream().map(Error::toString).toList();
    }

    /** The schema document itself, as JSON. */
    public static InputStream openSchema(EventDescriptor descriptor) {
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(descriptor.schemaResource());
        if (in == null) {
            throw new IllegalStateException("no schema on the classpath for " + descriptor.type());
        }
        return in;
    }

    private static Schema schema(EventDescriptor descriptor) {
        return SCHEMAS.computeIfAbsent(descriptor.type(), type -> {
            try (InputStream in = openSchema(descriptor)) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
