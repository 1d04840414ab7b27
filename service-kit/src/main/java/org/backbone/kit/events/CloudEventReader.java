package org.backbone.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.backbone.contracts.EventJson;

/** Reads a Kafka record as a CloudEvent, binary or structured mode; anything else is a permanent failure. */
public final class CloudEventReader {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private CloudEventReader() {
    }

    public static ReceivedEvent read(String topic, Headers headers, byte[] value) {
        if (value == null || value.length == 0) {
            throw new PermanentEventFailure("empty record value");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new PermanentEventFailure("value is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PermanentEventFailure("value is not readable: " + e.getMessage(), e);
        }
        String contentType = header(headers, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith(CloudEventHeaders.STRUCTURED)) {
            return structured(topic, json);
        }
        return new ReceivedEvent(
                required(header(headers, CloudEventHeaders.ID), "ce_id"),
                required(header(headers, CloudEventHeaders.TYPE), "ce_type"),
                required(header(headers, CloudEventHeaders.SOURCE), "ce_source"),
                header(headers, CloudEventHeaders.SUBJECT),
                time(header(headers, CloudEventHeaders.TIME)),
                header(headers, CloudEventHeaders.INITIATIVE_ID),
                topic,
                json);
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
        return new ReceivedEvent(
                required(text(event, "id"), "id"),
                required(text(event, "type"), "type"),
                required(text(event, "source"), "source"),
                text(event, "subject"),
                time(text(event, "time")),
                text(event, "initiativeid"),
                topic,
                data);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PermanentEventFailure("time is not RFC 3339: " + value, e);
        }
    }
}
