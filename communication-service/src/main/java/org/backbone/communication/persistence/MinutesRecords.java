package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Minutes of meetings, their amendments, answers and errata, and each initiative's approval rule. */
@ApplicationScoped
public class MinutesRecords {

    public record Minutes(UUID meetingId, UUID initiativeId, String status, String body, String bodyHtml, int revision,
            String approvalRule, OffsetDateTime amendmentsUntil, String returnedReason, String contentHash,
            OffsetDateTime publishedAt, OffsetDateTime updatedAt, int version) {
    }

    public record Amendment(UUID id, int revision, String author, UUID organisationId, String text, OffsetDateTime createdAt) {
    }

    public record Answer(int revision, UUID organisationId, String verdict, String reason, String answeredBy,
            OffsetDateTime answeredAt) {
    }

    public record Erratum(UUID id, String text, String textHtml, String writtenBy, OffsetDateTime writtenAt) {
    }

    private static final String COLUMNS = "meeting_id, initiative_id, status, body, body_html, revision, approval_rule, "
            + "amendments_until, returned_reason, content_hash, published_at, updated_at, version";

    public Uni<Optional<Minutes>> find(UUID meeting) {
        return select(meeting, "");
    }

    /** The minutes, locked until the transaction ends: every change of state reads them this way first. */
    public Uni<Optional<Minutes>> lock(UUID meeting) {
        return select(meeting, " FOR UPDATE");
    }

    private Uni<Optional<Minutes>> select(UUID meeting, String locking) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COLUMNS
                        + " FROM minutes WHERE meeting_id = :meeting" + locking)
                .setParameter("meeting", meeting).getResultList())
                .map(rows -> rows.stream().findFirst().map(MinutesRecords::minutes));
    }

    /** Writes the draft (created at revision 0 the first time). */
    public Uni<Void> saveDraft(UUID meeting, UUID initiative, String body, String html) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO minutes (meeting_id, initiative_id, status, "
                        + "body, body_html, revision, updated_at, version) VALUES (:meeting, :initiative, 'DRAFT', :body, :html, "
                        + "0, now(), 1) ON CONFLICT (meeting_id) DO UPDATE SET body = excluded.body, body_html = excluded.body_html, "
                        + "updated_at = now(), version = minutes.version + 1")
                .setParameter("meeting", meeting).setParameter("initiative", initiative).setParameter("body", body)
                .setParameter("html", html).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> circulate(UUID meeting, String rule, OffsetDateTime until) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE minutes SET status = 'CIRCULATED', "
                        + "revision = revision + 1, approval_rule = :rule, amendments_until = :until, updated_at = now(), "
                        + "version = version + 1 WHERE meeting_id = :meeting")
                .setParameter("meeting", meeting).setParameter("rule", rule).setParameter("until", until)
                .executeUpdate()).replaceWithVoid();
    }

    /** Moves the minutes to {@code status}; back to DRAFT keeps the objection's reason. */
    public Uni<Void> move(UUID meeting, String status, String returnedReason) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE minutes SET status = :status, "
                        + "returned_reason = coalesce(:reason, returned_reason), updated_at = now(), version = version + 1 "
                        + "WHERE meeting_id = :meeting")
                .setParameter("meeting", meeting).setParameter("status", status).setParameter("reason", returnedReason)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> publish(UUID meeting, String hash, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE minutes SET status = 'PUBLISHED', "
                        + "content_hash = :hash, published_at = :at, updated_at = :at, version = version + 1 "
                        + "WHERE meeting_id = :meeting AND status = 'APPROVED'")
                .setParameter("meeting", meeting).setParameter("hash", hash).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> amend(UUID meeting, Amendment a) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO minutes_amendment (id, meeting_id, revision, "
                        + "author, organisation_id, text, created_at) VALUES (:id, :meeting, :revision, :author, :organisation, "
                        + ":text, :at)")
                .setParameter("id", a.id()).setParameter("meeting", meeting).setParameter("revision", a.revision())
                .setParameter("author", a.author()).setParameter("organisation", a.organisationId())
                .setParameter("text", a.text()).setParameter("at", a.createdAt()).executeUpdate()).replaceWithVoid();
    }

    public Uni<List<Amendment>> amendments(UUID meeting) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT id, revision, author, organisation_id, "
                        + "text, created_at FROM minutes_amendment WHERE meeting_id = :meeting ORDER BY created_at, id")
                .setParameter("meeting", meeting).getResultList())
                .map(rows -> rows.stream().map(r -> new Amendment((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2],
                        (UUID) r[3], (String) r[4], WebhookEndpoints.time(r[5]))).toList());
    }

    /** Records an organisation's answer to a revision; its later answer replaces the earlier one. */
    public Uni<Void> answer(UUID meeting, Answer a) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO minutes_response (meeting_id, revision, "
                        + "organisation_id, verdict, reason, answered_by, answered_at) VALUES (:meeting, :revision, "
                        + ":organisation, :verdict, :reason, :by, :at) ON CONFLICT (meeting_id, revision, organisation_id) "
                        + "DO UPDATE SET verdict = excluded.verdict, reason = excluded.reason, answered_by = excluded.answered_by, "
                        + "answered_at = excluded.answered_at")
                .setParameter("meeting", meeting).setParameter("revision", a.revision())
                .setParameter("organisation", a.organisationId()).setParameter("verdict", a.verdict())
                .setParameter("reason", a.reason()).setParameter("by", a.answeredBy()).setParameter("at", a.answeredAt())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<Answer>> answers(UUID meeting) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT revision, organisation_id, verdict, reason, "
                        + "answered_by, answered_at FROM minutes_response WHERE meeting_id = :meeting ORDER BY revision, answered_at")
                .setParameter("meeting", meeting).getResultList())
                .map(rows -> rows.stream().map(r -> new Answer(((Number) r[0]).intValue(), (UUID) r[1], (String) r[2],
                        (String) r[3], (String) r[4], WebhookEndpoints.time(r[5]))).toList());
    }

    public Uni<Void> addErratum(UUID meeting, Erratum e) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO minutes_erratum (id, meeting_id, text, text_html, "
                        + "written_by, written_at) VALUES (:id, :meeting, :text, :html, :by, :at)")
                .setParameter("id", e.id()).setParameter("meeting", meeting).setParameter("text", e.text())
                .setParameter("html", e.textHtml()).setParameter("by", e.writtenBy()).setParameter("at", e.writtenAt())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<Erratum>> errata(UUID meeting) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT id, text, text_html, written_by, written_at "
                        + "FROM minutes_erratum WHERE meeting_id = :meeting ORDER BY written_at, id")
                .setParameter("meeting", meeting).getResultList())
                .map(rows -> rows.stream().map(r -> new Erratum((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                        WebhookEndpoints.time(r[4]))).toList());
    }

    /** Circulated minutes whose window has closed, locked for this transaction (other replicas skip them). */
    public Uni<List<Minutes>> windowsClosed(OffsetDateTime now, int limit) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COLUMNS + " FROM minutes WHERE "
                        + "status = 'CIRCULATED' AND amendments_until <= :now ORDER BY amendments_until LIMIT :limit "
                        + "FOR UPDATE SKIP LOCKED")
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(MinutesRecords::minutes).toList());
    }

    /** The rule the initiative chose, QUORUM until it chooses. */
    public Uni<String> rule(UUID initiative) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT approval_rule FROM minutes_setting "
                        + "WHERE initiative_id = :initiative", String.class)
                .setParameter("initiative", initiative).getResultList())
                .map(rows -> rows.isEmpty() ? "QUORUM" : rows.get(0));
    }

    public Uni<Void> setRule(UUID initiative, String rule) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO minutes_setting (initiative_id, approval_rule) "
                        + "VALUES (:initiative, :rule) ON CONFLICT (initiative_id) DO UPDATE SET approval_rule = excluded.approval_rule")
                .setParameter("initiative", initiative).setParameter("rule", rule).executeUpdate()).replaceWithVoid();
    }

    private static Minutes minutes(Object[] r) {
        return new Minutes((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue(),
                (String) r[6], WebhookEndpoints.time(r[7]), (String) r[8], (String) r[9], WebhookEndpoints.time(r[10]),
                WebhookEndpoints.time(r[11]), ((Number) r[12]).intValue());
    }
}
