package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The decisions register, in the caller's reactive session. */
@ApplicationScoped
public class Decisions {

    /** An object a decision affects, written {@code service/type/id}. */
    public record Affected(String service, String type, String id) {

        String joined() {
            return service + "/" + type + "/" + id;
        }

        static Affected parse(String joined) {
            String[] parts = joined.split("/", 3);
            return new Affected(parts[0], parts[1], parts[2]);
        }
    }

    public record Decision(UUID id, UUID initiativeId, String statement, String rationale, UUID meetingId,
            List<Affected> affects, LocalDate reviewOn, String status, UUID supersedes, UUID supersededBy,
            String revokedReason, String adoptedBy, OffsetDateTime adoptedAt, int version) {
    }

    private static final String COLUMNS = "id, initiative_id, statement, rationale, meeting_id, "
            + "array_to_string(affects, E'\\x1f'), review_on, status, supersedes, superseded_by, revoked_reason, adopted_by, "
            + "adopted_at, version";

    public Uni<Void> insert(Decision d) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO decision (id, initiative_id, statement, "
                        + "rationale, meeting_id, affects, review_on, status, supersedes, adopted_by, adopted_at, version) VALUES "
                        + "(:id, :initiative, :statement, :rationale, :meeting, :affects, :review, 'ADOPTED', :supersedes, :by, "
                        + ":at, 1)")
                .setParameter("id", d.id()).setParameter("initiative", d.initiativeId())
                .setParameter("statement", d.statement()).setParameter("rationale", d.rationale())
                .setParameter("meeting", d.meetingId())
                .setParameter("affects", d.affects().stream().map(Affected::joined).toArray(String[]::new))
                .setParameter("review", d.reviewOn()).setParameter("supersedes", d.supersedes())
                .setParameter("by", d.adoptedBy()).setParameter("at", d.adoptedAt()).executeUpdate()).replaceWithVoid();
    }

    /** Marks an ADOPTED decision superseded by {@code by}; false when it was not ADOPTED any more. */
    public Uni<Boolean> supersede(UUID id, UUID by) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE decision SET status = 'SUPERSEDED', "
                        + "superseded_by = :by, version = version + 1 WHERE id = :id AND status = 'ADOPTED'")
                .setParameter("id", id).setParameter("by", by).executeUpdate()).map(n -> n == 1);
    }

    /** Revokes an ADOPTED decision; false when it was not ADOPTED any more. */
    public Uni<Boolean> revoke(UUID id, String reason) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE decision SET status = 'REVOKED', "
                        + "revoked_reason = :reason, version = version + 1 WHERE id = :id AND status = 'ADOPTED'")
                .setParameter("id", id).setParameter("reason", reason).executeUpdate()).map(n -> n == 1);
    }

    public Uni<Optional<Decision>> find(UUID initiative, UUID id) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COLUMNS
                        + " FROM decision WHERE id = :id AND initiative_id = :initiative")
                .setParameter("id", id).setParameter("initiative", initiative).getResultList())
                .map(rows -> rows.stream().findFirst().map(Decisions::decision));
    }

    /** The initiative's decisions, newest first, below the cursor's (adopted_at, id); of one status when given. */
    public Uni<List<Decision>> list(UUID initiative, String status, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM decision WHERE initiative_id = :initiative"
                + (status == null ? "" : " AND status = :status")
                + (beforeAt == null ? "" : " AND (adopted_at, id) < (:at, :id)") + " ORDER BY adopted_at DESC, id DESC LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("initiative", initiative).setParameter("limit", limit);
            if (status != null) {
                q.setParameter("status", status);
            }
            if (beforeAt != null) {
                q.setParameter("at", beforeAt).setParameter("id", beforeId);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(Decisions::decision).toList());
    }

    /** ADOPTED decisions whose review day has come and that were not told yet, locked for this transaction. */
    public Uni<List<Decision>> reviewsDue(LocalDate today, int limit) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COLUMNS + " FROM decision WHERE "
                        + "status = 'ADOPTED' AND NOT review_told AND review_on <= :today ORDER BY review_on, id LIMIT :limit "
                        + "FOR UPDATE SKIP LOCKED")
                .setParameter("today", today).setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(Decisions::decision).toList());
    }

    public Uni<Void> markReviewTold(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE decision SET review_told = true WHERE id = :id")
                .setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    private static Decision decision(Object[] r) {
        String affects = (String) r[5];
        return new Decision((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                affects == null || affects.isEmpty() ? List.of()
                        : Arrays.stream(affects.split("\u001f")).map(Affected::parse).toList(),
                r[6] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[6], (String) r[7], (UUID) r[8], (UUID) r[9],
                (String) r[10], (String) r[11], WebhookEndpoints.time(r[12]), ((Number) r[13]).intValue());
    }
}
