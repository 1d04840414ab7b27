package org.backbone.kit.testing;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.backbone.contracts.BackboneEvent;
import org.backbone.kit.events.CloudEventRecords;

/** Publishes events as agenda-service would, for services that project the agenda and need no agenda-service in tests. */
public final class AgendaEvents {

    private AgendaEvents() {
    }

    public static void publish(BackboneEvent... events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            for (BackboneEvent event : events) {
                producer.send(CloudEventRecords.of(event, UUID.randomUUID(), Instant.now())).get();
            }
        }
    }
}
