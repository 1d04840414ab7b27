package org.backbone.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares an event schema with its previously published version. Within a major version a schema
 * may only grow: a removed or renamed field, a changed type or format, a removed enum value or a
 * field that became required breaks consumers built against the old version.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** Every breaking change from {@code published} to {@code current}; empty when compatible. */
    public static List<String> breakingChanges(JsonNode published, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("$", published, published, current, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode oldRoot, JsonNode oldNode, JsonNode newRoot, JsonNode newNode,
            List<String> problems) {
        JsonNode before = resolve(oldRoot, oldNode);
        JsonNode after = resolve(newRoot, newNode);
        if (after.isMissingNode()) {
            problems.add(path + ": removed");
            return;
        }
        for (String keyword : List.of("type", "format")) {
            if (before.has(keyword) && !before.get(keyword).equals(after.get(keyword))) {
                problems.add(path + ": " + keyword + " changed from " + before.get(keyword) + " to " + after.get(keyword));
            }
        }
        if (before.has("enum")) {
            Set<JsonNode> allowedNow = new HashSet<>();
            after.path("enum").forEach(allowedNow::add);
            before.get("enum").forEach(value -> {
                if (!after.has("enum") || !allowedNow.contains(value)) {
                    problems.add(path + ": enum value " + value + " removed");
                }
            });
        }
        Set<String> requiredBefore = new HashSet<>();
        before.path("required").forEach(name -> requiredBefore.add(name.asText()));
        after.path("required").forEach(name -> {
            if (!requiredBefore.contains(name.asText())) {
                problems.add(path + "." + name.asText() + ": became required");
            }
        });
        before.path("properties").fields().forEachRemaining(property -> compare(path + "." + property.getKey(),
                oldRoot, property.getValue(), newRoot, after.path("properties").path(property.getKey()), problems));
        if (before.has("items")) {
            compare(path + "[]", oldRoot, before.get("items"), newRoot, after.path("items"), problems);
        }
        if (before.path("additionalProperties").isObject()) {
            compare(path + "{}", oldRoot, before.get("additionalProperties"), newRoot,
                    after.path("additionalProperties"), problems);
        }
    }

    /** Follows a local {@code $ref} ("#/$defs/Name"); other nodes are returned as they are. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 16; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
