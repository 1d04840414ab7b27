package org.backbone.kit.outbox;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Instance;
import org.backbone.kit.events.CloudEventHeaders;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import org.backbone.kit.security.CurrentCaller;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventDescriptor;
import org.backbone.contracts.EventJson;

/**
 * Appends events to the outbox inside the caller's Hibernate Reactive transaction: they are
 * published if and only if that transaction commits, in the order they were appended. Never write
 * to Kafka from a request.
 */
@ApplicationScoped
public class Outbox {

    /** One statement for any number of events: a progress round or a Kafka poll appends thousands. */
    private static final String INSERT = """
            INSERT INTO outbox (id, topic, record_key, type, source, subject, occurred_at, payload, actor)
            -- times and payloads travel as text: the client encodes an array as the type the server expects
            SELECT * FROM unnest(cast(:ids AS uuid[]), cast(:topics AS text[]), cast(:keys AS text[]),
                cast(:types AS text[]), cast(:sources AS text[]), cast(:subjects AS text[]),
                cast(cast(:times AS text[]) AS timestamptz[]), cast(cast(:payloads AS text[]) AS jsonb[]),
                cast(:actors AS text[]))""";

    private final Instance<CurrentIdentityAssociation> identity;

    Outbox(Instance<CurrentIdentityAssociation> identity) {
        this.identity = identity;
    }

    /** Appends {@code event}; fails if there is no transaction to join. Returns the CloudEvents id. */
    public Uni<UUID> append(BackboneEvent event) {
        return appendAll(List.of(event)).map(ids -> ids.get(0));
    }

    /** Appends {@code events} in their order; fails if there is no transaction to join. Returns their ids. */
    public Uni<List<UUID>> appendAll(List<? extends BackboneEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return actor().chain(actor -> append(events.stream().map(event -> toMessage(event, actor)).toList()));
    }

    private Uni<List<UUID>> append(List<OutboxMessage> messages) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append needs a transaction: call it from a @WithTransaction method"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("ids", messages.stream().map(m -> m.id).toArray(UUID[]::new))
                        .setParameter("topics", messages.stream().map(m -> m.topic).toArray(String[]::new))
                        .setParameter("keys", messages.stream().map(m -> m.recordKey).toArray(String[]::new))
                        .setParameter("types", messages.stream().map(m -> m.type).toArray(String[]::new))
                        .setParameter("sources", messages.stream().map(m -> m.source).toArray(String[]::new))
                        .setParameter("subjects", messages.stream().map(m -> m.subject).toArray(String[]::new))
                        .setParameter("times", messages.stream().map(m -> m.occurredAt.toString()).toArray(String[]::new))
                        .setParameter("payloads", messages.stream().map(m -> m.payload).toArray(String[]::new))
                        .setParameter("actors", messages.stream().map(m -> m.actor).toArray(String[]::new))
                        .executeUpdate())
                .replaceWith(() -> messages.stream().map(m -> m.id).toList());
    }

    /**
     * The caller of the current request, or {@code system} outside one (a Kafka consumer, a scheduler).
     * Deferred: outside an HTTP request nothing has resolved an identity, and resolving it must not block.
     */
    private Uni<String> actor() {
        if (!Arc.container().requestContext().isActive()) {
            return Uni.createFrom().item(CloudEventHeaders.SYSTEM_ACTOR);
        }
        return identity.get().getDeferredIdentity()
                .map(id -> id == null || id.isAnonymous() ? null : CurrentCaller.from(id).subject())
                .map(subject -> subject == null ? CloudEventHeaders.SYSTEM_ACTOR : subject)
                .onFailure().recoverWithItem(CloudEventHeaders.SYSTEM_ACTOR);
    }

    /**
     * Appends {@code events} through a JDBC connection, in its transaction: for work on threads of its
     * own that hold no reactive session (a dispatcher, a relay). {@code actor} as for the events' cause.
     */
    public static void append(java.sql.Connection connection, List<? extends BackboneEvent> events, String actor)
            throws java.sql.SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (id, topic, record_key, "
                + "type, source, subject, occurred_at, payload, actor) VALUES (?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?)")) {
            for (BackboneEvent event : events) {
                OutboxMessage m = toMessage(event, actor);
                insert.setObject(1, m.id);
                insert.setString(2, m.topic);
                insert.setString(3, m.recordKey);
                insert.setString(4, m.type);
                insert.setString(5, m.source);
                insert.setString(6, m.subject);
                insert.setObject(7, m.occurredAt);
                insert.setString(8, m.payload);
                insert.setString(9, m.actor);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static OutboxMessage toMessage(BackboneEvent event, String actor) {
        EventDescriptor descriptor = EventCatalog.of(event);
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = descriptor.topic();
        message.recordKey = event.initiativeId().toString();
        message.type = descriptor.type();
        message.source = descriptor.source();
        message.subject = event.subject();
        message.actor = actor;
        message.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            message.payload = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + descriptor.type(), e);
        }
        return message;
    }
}
