package org.backbone.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Merges the services' OpenAPI documents into one under {@code /api}: each service contributes the
 * paths the gateway routes to it; schemas with the same name and the same content are shared, a
 * clash of different ones is settled by prefixing the later service's name (its references
 * follow). Plain Java over JSON trees.
 */
public final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private final ObjectMapper json;
    private final ObjectNode merged;

    public OpenApiMerger(ObjectMapper json, String title, String description, String version) {
        this.json = json;
        this.merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info").put("title", title).put("description", description).put("version", version);
        // the paths carry the /api prefix: the server is this gateway, wherever it is reached
        merged.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        merged.putObject("paths");
        merged.putObject("components").putObject("schemas");
    }

    /**
     * Adds {@code document}'s paths that {@code routed} accepts (paths as the service names them,
     * e.g. {@code /v1/organisations}), prefixed with {@code prefix}.
     */
    public OpenApiMerger add(String service, JsonNode document, String prefix, Predicate<String> routed) {
        ObjectNode copy = document.deepCopy();
        Map<String, String> renamed = new LinkedHashMap<>();
        ObjectNode schemas = (ObjectNode) merged.path("components").path("schemas");
        copy.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode existing = schemas.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                renamed.put(schema.getKey(), capitalised(service) + schema.getKey());
            }
        });
        if (!renamed.isEmpty()) {
            rewriteRefs(copy, renamed);
        }
        copy.path("components").path("schemas").fields().forEachRemaining(schema ->
                schemas.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
        copy.path("components").fields().forEachRemaining(section -> {
            if (!section.getKey().equals("schemas") && section.getValue().isObject()) {
                ObjectNode target = ((ObjectNode) merged.path("components")).with(section.getKey());
                section.getValue().fields().forEachRemaining(entry -> target.putIfAbsent(entry.getKey(), entry.getValue()));
            }
        });
        ObjectNode paths = (ObjectNode) merged.path("paths");
        copy.path("paths").fields().forEachRemaining(path -> {
            if (routed.test(path.getKey())) {
                path.getValue().fields().forEachRemaining(operation -> {
                    if (operation.getValue().isObject() && operation.getValue().has("responses")) {
                        gatewayAnswers((ObjectNode) operation.getValue().get("responses"));
                    }
                });
                paths.set(prefix + path.getKey(), path.getValue());
            }
        });
        ArrayNode tags = merged.withArray("tags");
        Set<String> known = new HashSet<>();
        tags.forEach(t -> known.add(t.path("name").asText()));
        copy.path("tags").forEach(tag -> {
            if (known.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        });
        if (copy.has("security") && !merged.has("security")) {
            merged.set("security", copy.get("security"));
        }
        return this;
    }

    /** What the gateway itself may answer for any call it passes on. */
    private void gatewayAnswers(ObjectNode responses) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("401", "A valid bearer token is required");
        answers.put("429", "The caller's rate limit is used up; Retry-After says when to try again");
        answers.put("502", "The call could not be passed on");
        answers.put("503", "The service is unavailable (its circuit breaker is open); Retry-After says when to try again");
        answers.put("504", "The service did not answer in time");
        answers.forEach((status, description) -> {
            if (!responses.has(status)) {
                ObjectNode answer = responses.putObject(status).put("description", description);
                answer.putObject("content").putObject("application/problem+json").putObject("schema")
                        .put("$ref", SCHEMA_REF + "Problem");
            }
        });
    }

    public ObjectNode document() {
        return merged;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renamed.containsKey(name)) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + renamed.get(name)));
                }
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                rewriteRefs(it.next(), renamed);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renamed));
        }
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
