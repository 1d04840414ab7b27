package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook endpoints, their secrets and their delivery log, in the caller's reactive session; the
 * dispatcher's side of the queue is {@link WebhookQueue}.
 */
@ApplicationScoped
public class WebhookEndpoints {

    /** How long a rotated-out secret keeps signing beside its successor. */
    public static final String ROTATION_OVERLAP = "24 hours";

    public record Endpoint(UUID id, UUID owner, UUID initiative, String url, String description, List<String> eventTypes,
            boolean enabled, String disabledReason, OffsetDateTime disabledAt, OffsetDateTime failingSince,
            String createdBy, OffsetDateTime createdAt, int version) {
    }

    public record Delivery(long id, String messageId, String type, String state, OffsetDateTime dueAt, int attempts,
            OffsetDateTime lastAttemptAt, Integer lastStatus, String lastError, OffsetDateTime createdAt) {
    }

    public record Attempt(OffsetDateTime at, Integer statusCode, String error, String excerpt, int durationMs) {
    }

    private static final String ENDPOINT_COLUMNS = "id, owner_organisation_id, initiative_id, url, description, "
            + "array_to_string(event_types, ' '), enabled, disabled_reason, disabled_at, failing_since, created_by, "
            + "created_at, version";

    public Uni<Void> insert(Endpoint e, String secret) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO webhook_endpoint (id, owner_organisation_id, "
                        + "initiative_id, url, description, event_types, enabled, created_by, created_at, version) VALUES "
                        + "(:id, :owner, :initiative, :url, :description, :types, true, :by, :at, 1)")
                .setParameter("id", e.id()).setParameter("owner", e.owner()).setParameter("initiative", e.initiative())
                .setParameter("url", e.url()).setParameter("description", e.description())
                .setParameter("types", e.eventTypes().toArray(String[]::new)).setParameter("by", e.createdBy())
                .setParameter("at", e.createdAt()).executeUpdate()
                .chain(() -> s.createNativeQuery("INSERT INTO webhook_secret (endpoint_id, secret, created_at) "
                                + "VALUES (:id, :secret, now())")
                        .setParameter("id", e.id()).setParameter("secret", secret).executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Optional<Endpoint>> find(UUID id) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + ENDPOINT_COLUMNS
                        + " FROM webhook_endpoint WHERE id = :id").setParameter("id", id).getResultList())
                .map(rows -> rows.stream().findFirst().map(WebhookEndpoints::endpoint));
    }

    /**
     * Endpoints newest first, below the cursor's (created_at, id).
     *
     * @param everyOwner staff: every endpoint; else only {@code owner}'s
     */
    public Uni<List<Endpoint>> list(boolean everyOwner, UUID owner, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        String sql = "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE (:every OR owner_organisation_id = :owner)"
                + (beforeAt == null ? "" : " AND (created_at, id) < (:at, :id)") + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("every", everyOwner)
                    .setParameter("owner", owner == null ? new UUID(0, 0) : owner).setParameter("limit", limit);
            if (beforeAt != null) {
                q.setParameter("at", beforeAt).setParameter("id", beforeId);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(WebhookEndpoints::endpoint).toList());
    }

    /** Writes the endpoint's settings; enabling it clears why it was disabled and its failing streak. */
    public Uni<Void> update(Endpoint e) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE webhook_endpoint SET url = :url, "
                        + "description = :description, event_types = :types, initiative_id = :initiative, "
                        + "disabled_reason = CASE WHEN :enabled THEN NULL ELSE coalesce(disabled_reason, 'disabled by its owner') END, "
                        + "disabled_at = CASE WHEN :enabled THEN NULL WHEN enabled THEN now() ELSE disabled_at END, "
                        + "failing_since = CASE WHEN :enabled AND NOT enabled THEN NULL ELSE failing_since END, "
                        + "enabled = :enabled, version = version + 1 WHERE id = :id")
                .setParameter("id", e.id()).setParameter("url", e.url()).setParameter("description", e.description())
                .setParameter("types", e.eventTypes().toArray(String[]::new)).setParameter("initiative", e.initiative())
                .setParameter("enabled", e.enabled()).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> delete(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM webhook_endpoint WHERE id = :id")
                .setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    /** Makes {@code secret} the one that signs; the current one goes on signing beside it for 24 h. */
    public Uni<Void> rotate(UUID id, String secret) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM webhook_secret WHERE endpoint_id = :id "
                                + "AND expires_at <= now()").setParameter("id", id).executeUpdate()
                .chain(() -> s.createNativeQuery("UPDATE webhook_secret SET expires_at = now() + interval '"
                                + ROTATION_OVERLAP + "' WHERE endpoint_id = :id AND expires_at IS NULL")
                        .setParameter("id", id).executeUpdate())
                .chain(() -> s.createNativeQuery("INSERT INTO webhook_secret (endpoint_id, secret, created_at) "
                                + "VALUES (:id, :secret, now())")
                        .setParameter("id", id).setParameter("secret", secret).executeUpdate())
                .chain(() -> s.createNativeQuery("UPDATE webhook_endpoint SET version = version + 1 WHERE id = :id")
                        .setParameter("id", id).executeUpdate()))
                .replaceWithVoid();
    }

    /** One event to queue: its message id, type and body, its initiative, and who may read it. */
    public record Queued(String messageId, String type, String body, UUID initiative, Set<UUID> organisations) {
    }

    /**
     * Queues each event for every endpoint that wants its type and whose owner may read it: staff's
     * endpoints always; a partner's when its organisation is a current member of the event's initiative
     * and the event is not another organisation's own ({@code organisations} empty: every reader of the
     * initiative; else only staff and these). A disabled endpoint's delivery is recorded as HELD, for a
     * later recovery. One statement for a whole poll, in the caller's transaction: an event is queued
     * exactly when it is recorded, and each endpoint's deliveries are numbered in the events' order.
     */
    public Uni<Void> enqueue(List<Queued> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // each event's organisations travel flattened, each with the number of its event
        List<UUID> organisations = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (UUID organisation : events.get(i).organisations()) {
                organisations.add(organisation);
                owners.add(i + 1);
            }
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("WITH reader AS ("
                        + " SELECT r.n, array_agg(r.id) AS ids FROM unnest(cast(:organisations AS uuid[]), cast(:owners AS int[]))"
                        + "   AS r(id, n) GROUP BY r.n),"
                        + " event AS ("
                        + " SELECT u.*, coalesce(r.ids, cast('{}' AS uuid[])) AS organisations FROM unnest(cast(:ids AS text[]),"
                        + "   cast(:types AS text[]), cast(:bodies AS text[]), cast(:initiatives AS uuid[])) WITH ORDINALITY"
                        + "   AS u(id, type, body, initiative_id, n) LEFT JOIN reader r ON r.n = u.n),"
                        + " target AS ("
                        + " SELECT v.id AS message_id, v.n, e.id AS endpoint_id, e.enabled FROM event v JOIN webhook_endpoint e"
                        + " ON (e.initiative_id IS NULL OR e.initiative_id = v.initiative_id)"
                        + " AND EXISTS (SELECT 1 FROM unnest(e.event_types) p WHERE p = '*' OR p = v.type"
                        + "   OR (right(p, 2) = '.*' AND starts_with(v.type, left(p, -1))))"
                        + " AND (e.owner_organisation_id IS NULL OR ("
                        + "   EXISTS (SELECT 1 FROM agenda_membership m WHERE m.initiative_id = v.initiative_id"
                        + "     AND m.organisation_id = e.owner_organisation_id AND m.current)"
                        + "   AND (cardinality(v.organisations) = 0 OR e.owner_organisation_id = ANY(v.organisations))))),"
                        + " message AS (INSERT INTO webhook_message (id, type, body) SELECT id, type, body FROM event"
                        + "   WHERE id IN (SELECT message_id FROM target) ON CONFLICT (id) DO NOTHING)"
                        + " INSERT INTO webhook_delivery (endpoint_id, message_id, state, due_at)"
                        + " SELECT endpoint_id, message_id, CASE WHEN enabled THEN 'PENDING' ELSE 'HELD' END, now() FROM target"
                        + " ORDER BY n, endpoint_id ON CONFLICT (endpoint_id, message_id) DO NOTHING")
                .setParameter("ids", events.stream().map(Queued::messageId).toArray(String[]::new))
                .setParameter("types", events.stream().map(Queued::type).toArray(String[]::new))
                .setParameter("bodies", events.stream().map(Queued::body).toArray(String[]::new))
                .setParameter("initiatives", events.stream().map(Queued::initiative).toArray(UUID[]::new))
                .setParameter("organisations", organisations.toArray(UUID[]::new))
                .setParameter("owners", owners.toArray(Integer[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    /** Queues a message for one endpoint alone (a test ping); returns the delivery's id. */
    public Uni<Long> enqueueFor(UUID endpoint, String messageId, String type, String body) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO webhook_message (id, type, body) "
                                + "VALUES (:id, :type, :body)")
                .setParameter("id", messageId).setParameter("type", type).setParameter("body", body).executeUpdate()
                .chain(() -> s.<Long>createNativeQuery("INSERT INTO webhook_delivery (endpoint_id, message_id, state, due_at) "
                                + "VALUES (:endpoint, :id, 'PENDING', now()) RETURNING id")
                        .setParameter("endpoint", endpoint).setParameter("id", messageId).getSingleResult()))
                .map(id -> ((Number) id).longValue());
    }

    private static final String DELIVERY_COLUMNS = "d.id, d.message_id, m.type, d.state, d.due_at, d.attempts, "
            + "d.last_attempt_at, d.last_status, d.last_error, d.created_at";

    /** The endpoint's deliveries, newest first, below {@code before} (a delivery id), optionally of one state. */
    public Uni<List<Delivery>> deliveries(UUID endpoint, String state, Long before, int limit) {
        String sql = "SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id "
                + "WHERE d.endpoint_id = :endpoint" + (state == null ? "" : " AND d.state = :state")
                + (before == null ? "" : " AND d.id < :before") + " ORDER BY d.id DESC LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("endpoint", endpoint).setParameter("limit", limit);
            if (state != null) {
                q.setParameter("state", state);
            }
            if (before != null) {
                q.setParameter("before", before);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(WebhookEndpoints::delivery).toList());
    }

    public Uni<Optional<Delivery>> delivery(UUID endpoint, long id) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id"
                        + " WHERE d.endpoint_id = :endpoint AND d.id = :id")
                .setParameter("endpoint", endpoint).setParameter("id", id).getResultList())
                .map(rows -> rows.stream().findFirst().map(WebhookEndpoints::delivery));
    }

    public Uni<List<Attempt>> attempts(long delivery) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT at, status_code, error, excerpt, "
                        + "duration_ms FROM webhook_attempt WHERE delivery_id = :id ORDER BY at")
                .setParameter("id", delivery).getResultList())
                .map(rows -> rows.stream().map(r -> new Attempt(time(r[0]), r[1] == null ? null : ((Number) r[1]).intValue(),
                        (String) r[2], (String) r[3], ((Number) r[4]).intValue())).toList());
    }

    /** Sends one delivery again now, whatever became of it, under its webhook-id. */
    public Uni<Void> redeliver(UUID endpoint, long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE webhook_delivery SET state = 'PENDING', "
                        + "due_at = now(), leased_until = '-infinity' WHERE endpoint_id = :endpoint AND id = :id")
                .setParameter("endpoint", endpoint).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    /** Queues again, in their order, the deliveries held or failed since {@code since}; returns how many. */
    public Uni<Integer> recover(UUID endpoint, OffsetDateTime since) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE webhook_delivery SET state = 'PENDING', "
                        + "due_at = now(), attempts = 0, leased_until = '-infinity' WHERE endpoint_id = :endpoint "
                        + "AND state IN ('HELD', 'FAILED') AND created_at >= :since")
                .setParameter("endpoint", endpoint).setParameter("since", since).executeUpdate());
    }

    static Endpoint endpoint(Object[] r) {
        String types = (String) r[5];
        return new Endpoint((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                types.isEmpty() ? List.of() : Arrays.asList(types.split(" ")), (Boolean) r[6], (String) r[7], time(r[8]),
                time(r[9]), (String) r[10], time(r[11]), ((Number) r[12]).intValue());
    }

    static Delivery delivery(Object[] r) {
        return new Delivery(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], time(r[4]),
                ((Number) r[5]).intValue(), time(r[6]), r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8],
                time(r[9]));
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof OffsetDateTime o ? o : ((Instant) value).atOffset(ZoneOffset.UTC);
    }
}
