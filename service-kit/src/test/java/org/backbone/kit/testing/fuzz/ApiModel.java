package org.backbone.kit.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of an OpenAPI 3 document, with every {@code $ref} resolved and {@code allOf} merged. */
final class ApiModel {

    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    record Operation(String method, String path, List<Parameter> parameters, String mediaType, JsonNode body,
            boolean bodyRequired, Set<String> documented) {

        String id() {
            return method + " " + path;
        }

        boolean documents(int status) {
            return documented.contains(Integer.toString(status)) || documented.contains(status / 100 + "XX")
                    || documented.contains("default");
        }
    }

    private final JsonNode document;
    final List<Operation> operations = new ArrayList<>();
    /** Per path, the methods it has (for requests with a method it does not have). */
    final Map<String, Set<String>> methods = new java.util.TreeMap<>();

    ApiModel(JsonNode document, String pathPrefix) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith(pathPrefix)) {
                continue;
            }
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>(shared);
                for (Parameter p : parameters(op.getValue().path("parameters"))) {
                    parameters.removeIf(s -> s.name().equals(p.name()) && s.in().equals(p.in()));
                    parameters.add(p);
                }
                JsonNode requestBody = resolve(op.getValue().path("requestBody"));
                String mediaType = null;
                JsonNode body = null;
                if (requestBody.has("content")) {
                    Iterator<String> types = requestBody.get("content").fieldNames();
                    mediaType = types.hasNext() ? types.next() : null;
                    if (requestBody.get("content").has("application/json")) {
                        mediaType = "application/json";
                    }
                    body = mediaType == null ? null : schema(requestBody.get("content").get(mediaType).path("schema"));
                }
                Set<String> documented = new LinkedHashSet<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(documented::add);
                operations.add(new Operation(method, path.getKey(), parameters, mediaType, body,
                        requestBody.path("required").asBoolean(false), documented));
                methods.computeIfAbsent(path.getKey(), k -> new LinkedHashSet<>()).add(method);
            }
        }
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode raw : list) {
            JsonNode p = resolve(raw);
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(), schema(p.path("schema")),
                    p.path("required").asBoolean(false) || "path".equals(p.path("in").asText())));
        }
        return parameters;
    }

    private JsonNode resolve(JsonNode node) {
        int depth = 0;
        while (node != null && node.has("$ref") && depth++ < 20) {
            String ref = node.get("$ref").asText();
            node = document.at(ref.substring(1));
        }
        return node == null ? JsonNodeFactory.instance.objectNode() : node;
    }

    /** A schema with its references resolved and its {@code allOf} parts merged (nested schemas lazily). */
    JsonNode schema(JsonNode raw) {
        JsonNode node = resolve(raw);
        if (!node.has("allOf")) {
            return node;
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("allOf")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        for (JsonNode part : node.get("allOf")) {
            JsonNode resolved = schema(part);
            resolved.fields().forEachRemaining(e -> {
                if (e.getKey().equals("properties") && merged.has("properties")) {
                    ((ObjectNode) merged.get("properties")).setAll((ObjectNode) e.getValue());
                } else if (!merged.has(e.getKey())) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
        }
        return merged;
    }
}
