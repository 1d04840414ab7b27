package org.backbone.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a Kafka record as a CloudEvent, binary or structured mode; anything else is a permanent
 * failure. A binary-mode payload is left unparsed until the consumer asks for it.
 */
public final class CloudEventReader {

    private CloudEventReader() {
    }

    public static ReceivedEvent read(String topic, Headers headers, byte[] value) {
        if (value == null || value.length == 0) {
            throw new PermanentEventFailure("empty record value");
        }
        BinaryAttributes attributes = BinaryAttributes.of(headers);
        if (attributes.contentType != null && attributes.contentType.startsWith(CloudEventHeaders.STRUCTURED)) {
            return structured(topic, ReceivedEvent.parse(value));
        }
        if (attributes.id == null || attributes.type == null || attributes.source == null) {
            // a record that is neither an event nor JSON is most likely garbage: say that, not which header is missing
            ReceivedEvent.parse(value);
        }
        return ReceivedEvent.binary(
                required(attributes.id, "ce_id"),
                required(attributes.type, "ce_type"),
                required(attributes.source, "ce_source"),
                attributes.subject,
                time(attributes.time),
                attributes.initiativeId,
                attributes.actor,
                topic,
                value);
    }

    /**
     * The attributes of a binary-mode event, read in one pass over the headers (a lookup per
     * attribute walked them all each time); of a repeated header the last counts.
     */
    private static final class BinaryAttributes {
        String id;
        String type;
        String source;
        String subject;
        String time;
        String initiativeId;
        String actor;
        String contentType;

        static BinaryAttributes of(Headers headers) {
            BinaryAttributes attributes = new BinaryAttributes();
            if (headers == null) {
                return attributes;
            }
            for (Header header : headers) {
                String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
                switch (header.key()) {
                    case CloudEventHeaders.ID -> attributes.id = value;
                    case CloudEventHeaders.TYPE -> attributes.type = value;
                    case CloudEventHeaders.SOURCE -> attributes.source = value;
                    case CloudEventHeaders.SUBJECT -> attributes.subject = value;
                    case CloudEventHeaders.TIME -> attributes.time = value;
                    case CloudEventHeaders.INITIATIVE_ID -> attributes.initiativeId = value;
                    case CloudEventHeaders.ACTOR -> attributes.actor = value;
                    case CloudEventHeaders.CONTENT_TYPE -> attributes.contentType = value;
                    default -> {
                        // other attributes and extensions are not used here
                    }
                }
            }
            return attributes;
        }
    }

    /** A structured-mode event (also what partners post over HTTP). */
    public static ReceivedEvent structured(String topic, JsonNode event) {
        if (!event.isObject()) {
            throw new PermanentEventFailure("a structured CloudEvent must be a JSON object");
        }
        String specVersion = text(event, "specversion");
        if (!CloudEventHeaders.SPEC_VERSION.equals(specVersion)) {
            throw new PermanentEventFailure("specversion must be 1.0, was " + specVersion);
        }
        JsonNode data = event.get("data");
        if (data == null || data.isNull()) {
            throw new PermanentEventFailure("missing data");
        }
        return ReceivedEvent.structured(
                required(text(event, "id"), "id"),
                required(text(event, "type"), "type"),
                required(text(event, "source"), "source"),
                text(event, "subject"),
                time(text(event, "time")),
                text(event, "initiativeid"),
                text(event, "actor"),
                topic,
                data);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new PermanentEventFailure("missing CloudEvents attribute " + attribute);
        }
        return value;
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Rfc3339.parse(value);
        } catch (DateTimeException e) {
            throw new PermanentEventFailure("time is not RFC 3339: " + value, e);
        }
    }
}
