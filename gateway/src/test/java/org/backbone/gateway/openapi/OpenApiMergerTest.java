package org.backbone.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document(String path, String schema, Map<String, Object> schemaBody) {
        return JSON.valueToTree(Map.of("openapi", "3.1.0", "info", Map.of("title", "t", "version", "1"),
                "paths", Map.of(path, Map.of("get", Map.of("responses", Map.of("200", Map.of("content",
                        Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/" + schema))))))),
                        "/q/health", Map.of()),
                "components", Map.of("schemas", Map.of(schema, schemaBody)),
                "tags", List.of(Map.of("name", schema))));
    }

    @Test
    void pathsArePrefixedAndOnlyRoutedOnesKept() {
        JsonNode merged = new OpenApiMerger(JSON, "Backbone API", "d", "v1")
                .add("agenda", document("/v1/organisations", "Organisation", Map.of("type", "object")), "/api",
                        path -> path.startsWith("/v1/"))
                .document();
        assertThat(merged.get("paths").has("/api/v1/organisations")).isTrue();
        assertThat(merged.get("paths").has("/api/q/health")).isFalse();
        assertThat(merged.get("paths").has("/q/health")).isFalse();
    }

    @Test
    void equalSchemasAreSharedAndAClashIsRenamedWithItsReferences() {
        JsonNode merged = new OpenApiMerger(JSON, "Backbone API", "d", "v1")
                .add("agenda", document("/v1/a", "Problem", Map.of("type", "object")), "/api", p -> true)
                .add("measurement", document("/v1/b", "Problem", Map.of("type", "object")), "/api", p -> true)
                .add("activity", document("/v1/c", "Problem", Map.of("type", "string")), "/api", p -> true)
                .document();
        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.has("Problem")).isTrue();
        assertThat(schemas.path("ActivityProblem").path("type").asText()).isEqualTo("string");
        assertThat(merged.at("/paths/~1api~1v1~1c/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ActivityProblem");
        assertThat(merged.at("/paths/~1api~1v1~1b/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(merged.get("tags")).hasSize(1);
    }
}
