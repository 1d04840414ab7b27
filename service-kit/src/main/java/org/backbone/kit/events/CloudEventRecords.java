package org.backbone.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventDescriptor;
import org.backbone.contracts.EventJson;

/** Kafka records carrying CloudEvents in binary mode: attributes as {@code ce_*} headers, the payload as the value. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> binary(String topic, String key, String id, String type, String source,
            String subject, Instant time, String initiativeId, byte[] payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, utf8(id));
        headers.add(CloudEventHeaders.SPECVERSION, utf8(CloudEventHeaders.SPEC_VERSION));
        headers.add(CloudEventHeaders.TYPE, utf8(type));
        headers.add(CloudEventHeaders.SOURCE, utf8(source));
        if (subject != null) {
            headers.add(CloudEventHeaders.SUBJECT, utf8(subject));
        }
        headers.add(CloudEventHeaders.TIME, utf8(time.toString()));
        if (initiativeId != null) {
            headers.add(CloudEventHeaders.INITIATIVE_ID, utf8(initiativeId));
        }
        headers.add(CloudEventHeaders.CONTENT_TYPE, utf8(CloudEventHeaders.JSON));
        return new ProducerRecord<>(topic, null, key, payload, headers);
    }

    /** A catalogue event as its owning service publishes it: its topic, key = initiative id. */
    public static ProducerRecord<String, byte[]> of(BackboneEvent event, UUID id, Instant time) {
        EventDescriptor descriptor = EventCatalog.of(event);
        try {
            return binary(descriptor.topic(), event.initiativeId().toString(), id.toString(), descriptor.type(),
                    descriptor.source(), event.subject(), time, event.initiativeId().toString(),
                    EventJson.mapper().writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + descriptor.type(), e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
