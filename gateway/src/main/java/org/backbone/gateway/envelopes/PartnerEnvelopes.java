package org.backbone.gateway.envelopes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventDescriptor;
import org.backbone.contracts.EventSchemas;
import org.backbone.contracts.partner.MeasurementSubmitted;
import org.backbone.kit.domain.ExactNumbers;
import org.backbone.kit.domain.StorableText;

/**
 * Reads CloudEvents a partner system posts over HTTP (structured, batch or binary mode) and checks
 * each envelope: spec version, id, source, type, JSON data that fits the event's schema, and an
 * organisation in the data (when given) that is the partner's own. Plain Java: no HTTP, no Kafka.
 */
public final class PartnerEnvelopes {

    public static final EventDescriptor SUBMITTED = EventCatalog.of(MeasurementSubmitted.class);
    public static final int MAX_EVENTS = 10_000;

    private PartnerEnvelopes() {
    }

    /** An event fit to be produced to the partner's topic. */
    public record Accepted(int index, String id, String source, String subject, Instant time, String initiativeId,
            JsonNode data) {
    }

    public record Rejected(int index, String id, String reason) {
    }

    public record Outcome(List<Accepted> accepted, List<Rejected> rejected) {
    }

    /** Structured mode (one object) or batch mode (an array of them). */
    public static Outcome structured(JsonNode body, UUID partner) {
        List<JsonNode> events = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(events::add);
        } else {
            events.add(body);
        }
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (!event.isObject()) {
                outcome.rejected().add(new Rejected(i, null, "an event must be a JSON object"));
                continue;
            }
            Map<String, String> attributes = new java.util.HashMap<>();
            List<String> notStrings = new ArrayList<>();
            event.fields().forEachRemaining(f -> {
                if (f.getKey().equals("data") || f.getKey().equals("data_base64")) {
                    return;
                }
                // CloudEvents attributes are strings: "id": null is no id, "source": 7 no source
                if (f.getValue().isTextual()) {
                    attributes.put(f.getKey(), f.getValue().textValue());
                } else {
                    notStrings.add(f.getKey());
                }
            });
            if (!notStrings.isEmpty()) {
                outcome.rejected().add(new Rejected(i, attributes.get("id"), "attributes must be strings: "
                        + String.join(", ", notStrings)));
                continue;
            }
            if (event.has("data_base64")) {
                outcome.rejected().add(new Rejected(i, attributes.get("id"), "data_base64 is not accepted: send data as JSON"));
                continue;
            }
            check(i, attributes, event.get("data"), partner, outcome);
        }
        return outcome;
    }

    /** Binary mode: the attributes in ce-* headers (names without the prefix), the data as the body. */
    public static Outcome binary(Map<String, String> attributes, JsonNode data, UUID partner) {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        check(0, attributes, data, partner, outcome);
        return outcome;
    }

    private static void check(int index, Map<String, String> attributes, JsonNode data, UUID partner, Outcome outcome) {
        String id = attributes.get("id");
        String reason = reason(attributes, data, partner);
        if (reason != null) {
            outcome.rejected().add(new Rejected(index, id, reason));
            return;
        }
        Instant time = attributes.get("time") == null ? Instant.now() : Instant.parse(attributes.get("time"));
        outcome.accepted().add(new Accepted(index, id, attributes.get("source"), attributes.get("subject"), time,
                data.get("initiativeId").asText(), normalised(data, partner)));
    }

    private static String reason(Map<String, String> attributes, JsonNode data, UUID partner) {
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String problem = StorableText.problem(attribute.getValue());
            if (problem != null) {
                return StorableText.sanitized(attribute.getKey()) + " " + problem;
            }
        }
        if (!"1.0".equals(attributes.get("specversion"))) {
            return "specversion must be 1.0";
        }
        if (blank(attributes.get("id"))) {
            return "id is required";
        }
        if (blank(attributes.get("source"))) {
            return "source is required";
        }
        if (!SUBMITTED.type().equals(attributes.get("type"))) {
            return "type must be " + SUBMITTED.type();
        }
        String contentType = attributes.get("datacontenttype");
        if (contentType != null && !contentType.startsWith("application/json")) {
            return "datacontenttype must be application/json";
        }
        if (attributes.get("time") != null) {
            try {
                Instant.parse(attributes.get("time"));
            } catch (DateTimeParseException e) {
                return "time must be an RFC 3339 timestamp";
            }
        }
        if (data == null || !data.isObject()) {
            return "data must be a JSON object";
        }
        List<String> violations = EventSchemas.violations(SUBMITTED, data);
        if (!violations.isEmpty()) {
            return "data does not match the schema of " + SUBMITTED.type() + ": " + String.join("; ", violations);
        }
        String payload = payloadProblem(data, "data");
        if (payload != null) {
            return payload;
        }
        if (!isUuid(data.get("initiativeId"))) {
            return "data.initiativeId must be a UUID";
        }
        JsonNode organisation = data.get("organisationId");
        if (organisation != null && !organisation.isNull() && !isUuid(organisation)) {
            return "data.organisationId must be a UUID";
        }
        if (organisation != null && !organisation.isNull() && !organisation.asText().equals(partner.toString())) {
            return "data names organisation " + organisation.asText() + " but the caller acts for " + partner;
        }
        return null;
    }

    /** Text the database cannot store, or a number outside the range values are held to, anywhere in the data. */
    private static String payloadProblem(JsonNode node, String path) {
        if (node.isTextual()) {
            String problem = StorableText.problem(node.textValue());
            return problem == null ? null : path + " " + problem;
        }
        if (node.isNumber()) {
            String problem = ExactNumbers.storeProblem(node.decimalValue());
            return problem == null ? null : path + " " + problem;
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String keyProblem = StorableText.problem(field.getKey());
            if (keyProblem != null) {
                return path + " has a key that " + keyProblem;
            }
            String problem = payloadProblem(field.getValue(), path + "." + field.getKey());
            if (problem != null) {
                return problem;
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String problem = payloadProblem(node.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static boolean isUuid(JsonNode node) {
        if (node == null || !node.isTextual() || node.textValue().length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(node.textValue()).toString().equalsIgnoreCase(node.textValue());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The data with the partner's organisation filled in, as measurement-service reads it. */
    private static JsonNode normalised(JsonNode data, UUID partner) {
        ObjectNode copy = data.deepCopy();
        copy.put("organisationId", partner.toString());
        return copy;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
