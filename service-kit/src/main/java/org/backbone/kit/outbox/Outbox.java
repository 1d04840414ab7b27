package org.backbone.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventDescriptor;
import org.backbone.contracts.EventJson;

/**
 * Appends events to the outbox inside the caller's Hibernate Reactive transaction: they are
 * published if and only if that transaction commits. Never write to Kafka from a request.
 */
@ApplicationScoped
public class Outbox {

    /** Appends {@code event}; fails if there is no transaction to join. Returns the CloudEvents id. */
    public Uni<UUID> append(BackboneEvent event) {
        OutboxMessage message = toMessage(event);
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append needs a transaction: call it from a @WithTransaction method"))
                .chain(tx -> message.persist())
                .replaceWith(message.id);
    }

    static OutboxMessage toMessage(BackboneEvent event) {
        EventDescriptor descriptor = EventCatalog.of(event);
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = descriptor.topic();
        message.recordKey = event.initiativeId().toString();
        message.type = descriptor.type();
        message.source = descriptor.source();
        message.subject = event.subject();
        message.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            message.payload = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + descriptor.type(), e);
        }
        return message;
    }
}
