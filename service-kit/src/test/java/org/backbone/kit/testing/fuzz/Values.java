package org.backbone.kit.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Values that fit a schema, drawn from a seeded {@link Random}; known ids are used where a name matches. */
final class Values {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ApiModel model;
    private final Random random;
    private final Map<String, List<String>> known;

    Values(ApiModel model, Random random, Map<String, List<String>> known) {
        this.model = model;
        this.random = random;
        this.known = known;
    }

    /** A string for a parameter (path, query or header) named {@code name}. */
    String parameter(String name, JsonNode schema) {
        List<String> candidates = known.get(name);
        if (candidates != null && !candidates.isEmpty() && random.nextInt(10) < 8) {
            return candidates.get(random.nextInt(candidates.size()));
        }
        JsonNode value = valid(name, schema, 0);
        return value.isTextual() ? value.asText() : value.toString();
    }

    JsonNode valid(String name, JsonNode raw, int depth) {
        JsonNode schema = model.schema(raw);
        List<String> candidates = name == null ? null : known.get(name);
        if (candidates != null && !candidates.isEmpty() && isString(schema) && random.nextInt(10) < 8) {
            return JSON.textNode(candidates.get(random.nextInt(candidates.size())));
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        if (schema.has("examples") && schema.get("examples").size() > 0 && random.nextBoolean()) {
            return schema.get("examples").get(random.nextInt(schema.get("examples").size()));
        }
        if (schema.has("example") && random.nextBoolean()) {
            return schema.get("example");
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            return valid(name, options.get(random.nextInt(options.size())), depth);
        }
        String type = type(schema);
        switch (type) {
            case "string":
                return JSON.textNode(string(name, schema));
            case "integer": {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : Math.max(min, 100);
                return JSON.numberNode(min + (long) (random.nextDouble() * (Math.min(max, min + 1000) - min + 1)));
            }
            case "number":
                return JSON.numberNode(BigDecimal.valueOf(random.nextInt(10_000), 2));
            case "boolean":
                return JSON.booleanNode(random.nextBoolean());
            case "array": {
                ArrayNode array = JSON.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int max = Math.min(schema.path("maxItems").asInt(3), Math.max(min, 3));
                int n = depth > 3 ? min : min + random.nextInt(Math.max(1, max - min + 1));
                for (int i = 0; i < n; i++) {
                    array.add(valid(name, schema.path("items"), depth + 1));
                }
                return array;
            }
            default:
                return object(schema, depth);
        }
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = JSON.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (model.schema(property.getValue()).path("readOnly").asBoolean(false)) {
                continue;
            }
            if (required.contains(property.getKey()) || (depth < 4 && random.nextInt(10) < 6)) {
                object.set(property.getKey(), valid(property.getKey(), property.getValue(), depth + 1));
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject() && depth < 4) {
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                object.set("k" + random.nextInt(5), valid(null, additional, depth + 1));
            }
        }
        return object;
    }

    private String string(String name, JsonNode schema) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid":
                return UUID.randomUUID().toString();
            case "date":
                return "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
            case "date-time":
                return "2026-03-1" + random.nextInt(10) + "T10:00:00Z";
            case "uri":
            case "url":
                return "https://partner.example/" + random.nextInt(1000);
            case "email":
                return "person" + random.nextInt(1000) + "@partner.example";
            default:
                break;
        }
        String pattern = schema.path("pattern").asText("");
        if (!pattern.isEmpty()) {
            return fromPattern(pattern);
        }
        int min = schema.path("minLength").asInt(1);
        int max = schema.path("maxLength").asInt(24);
        String base = (name == null ? "value" : name) + " " + Integer.toString(random.nextInt(1 << 20), 36);
        while (base.length() < min) {
            base = base + "x";
        }
        return base.length() > max ? base.substring(0, max) : base;
    }

    /** A string for the simple patterns the APIs use: character classes with counts, literals and alternatives. */
    String fromPattern(String pattern) {
        String p = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        p = p.endsWith("$") ? p.substring(0, p.length() - 1) : p;
        if (p.contains("|") && !p.contains("[") && !p.contains("(")) {
            String[] options = p.split("\\|");
            return options[random.nextInt(options.length)];
        }
        if (p.startsWith("(") && p.endsWith(")") && p.contains("|")) {
            String[] options = p.substring(1, p.length() - 1).split("\\|");
            return options[random.nextInt(options.length)];
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            String choices;
            if (c == '[') {
                int end = p.indexOf(']', i);
                choices = expand(p.substring(i + 1, end));
                i = end + 1;
            } else if (c == '\\' && i + 1 < p.length()) {
                char k = p.charAt(i + 1);
                choices = k == 'd' ? "0123456789" : k == 'w' ? "abcxyz0123_" : String.valueOf(k);
                i += 2;
            } else if (c == '.') {
                choices = "abc";
                i++;
            } else {
                choices = String.valueOf(c);
                i++;
            }
            int count = 1;
            if (i < p.length() && p.charAt(i) == '{') {
                int end = p.indexOf('}', i);
                String[] range = p.substring(i + 1, end).split(",");
                int lo = Integer.parseInt(range[0].trim());
                int hi = range.length > 1 && !range[1].isBlank() ? Integer.parseInt(range[1].trim()) : lo + 3;
                count = lo + random.nextInt(Math.max(1, Math.min(hi, lo + 6) - lo + 1));
                i = end + 1;
            } else if (i < p.length() && (p.charAt(i) == '+' || p.charAt(i) == '*')) {
                count = (p.charAt(i) == '+' ? 1 : 0) + random.nextInt(4);
                i++;
            } else if (i < p.length() && p.charAt(i) == '?') {
                count = random.nextInt(2);
                i++;
            }
            for (int n = 0; n < count; n++) {
                out.append(choices.charAt(random.nextInt(choices.length())));
            }
        }
        return out.toString();
    }

    private static String expand(String set) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                for (char c = set.charAt(i); c <= set.charAt(i + 2); c++) {
                    out.append(c);
                }
                i += 2;
            } else if (set.charAt(i) != '\\') {
                out.append(set.charAt(i));
            }
        }
        return out.length() == 0 ? "x" : out.toString();
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    static boolean isString(JsonNode schema) {
        return "string".equals(type(schema)) && !schema.has("enum");
    }
}
