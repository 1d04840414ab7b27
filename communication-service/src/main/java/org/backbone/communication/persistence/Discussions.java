package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Discussion threads and their comments, in the caller's reactive session. What a reader may see of
 * a subject is what the feed shows them of it: a subject exists for a reader when the feed holds an
 * entry about it that the reader may read.
 */
@ApplicationScoped
public class Discussions {

    public record Subject(String service, String type, String id) {
    }

    public record Thread(UUID id, UUID initiativeId, Subject subject, String title, String status, String createdBy,
            OffsetDateTime createdAt, OffsetDateTime lastCommentAt, int commentCount, int version) {
    }

    public record Comment(UUID id, UUID threadId, UUID parentId, String author, UUID organisationId, String bodyMarkdown,
            String bodyHtml, OffsetDateTime createdAt, OffsetDateTime editedAt, OffsetDateTime deletedAt, String deletedBy,
            int version) {
    }

    public record Version(int version, String bodyMarkdown, OffsetDateTime writtenAt) {
    }

    /** Who reads: staff everything; a partner's member what the feed shows its organisation; else what it shows everyone. */
    public record Reader(boolean staff, UUID organisation) {
    }

    /** Who may read a subject: everyone who reads the initiative, or staff and these organisations. */
    public record Readers(boolean everyone, List<UUID> organisations) {
    }

    private static final String VISIBLE_ENTRY = "(cardinality(f.organisation_ids) = 0 OR :staff OR (:member AND "
            + ":organisation = ANY(f.organisation_ids)))";
    private static final String THREAD_COLUMNS = "t.id, t.initiative_id, t.subject_service, t.subject_type, t.subject_id, "
            + "t.title, t.status, t.created_by, t.created_at, t.last_comment_at, t.comment_count, t.version";
    private static final String COMMENT_COLUMNS = "id, thread_id, parent_id, author, organisation_id, body_markdown, body_html, "
            + "created_at, edited_at, deleted_at, deleted_by, version";

    /** Whether the reader may read the subject in the initiative (the feed has an entry about it they may read). */
    public Uni<Boolean> subjectVisible(UUID initiative, Subject subject, Reader reader) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT EXISTS (SELECT 1 FROM feed_entry f WHERE "
                        + "f.initiative_id = :initiative AND f.object_service = :service AND f.object_type = :type AND "
                        + "f.object_id = :id AND " + VISIBLE_ENTRY + ")", Boolean.class)
                .setParameter("initiative", initiative).setParameter("service", subject.service())
                .setParameter("type", subject.type()).setParameter("id", subject.id())
                .setParameter("staff", reader.staff()).setParameter("member", reader.organisation() != null)
                .setParameter("organisation", reader.organisation() == null ? new UUID(0, 0) : reader.organisation())
                .getSingleResult());
    }

    /** Who may read the subject, from the feed's entries about it. */
    public Uni<Readers> readersOf(UUID initiative, Subject subject) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT bool_or(cardinality(organisation_ids) = 0), "
                        + "array_to_string(array_agg(DISTINCT o) FILTER (WHERE o IS NOT NULL AND o <> '00000000-0000-0000-0000-000000000000'), ',') "
                        + "FROM feed_entry f LEFT JOIN LATERAL unnest(f.organisation_ids) o ON true WHERE f.initiative_id = :initiative "
                        + "AND f.object_service = :service AND f.object_type = :type AND f.object_id = :id")
                .setParameter("initiative", initiative).setParameter("service", subject.service())
                .setParameter("type", subject.type()).setParameter("id", subject.id()).getSingleResult())
                .map(r -> new Readers(Boolean.TRUE.equals(r[0]), r[1] == null || ((String) r[1]).isEmpty() ? List.of()
                        : java.util.Arrays.stream(((String) r[1]).split(",")).map(UUID::fromString).toList()));
    }

    public Uni<Void> insertThread(Thread t) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO discussion_thread (id, initiative_id, "
                        + "subject_service, subject_type, subject_id, title, status, created_by, created_at, last_comment_at, "
                        + "comment_count, version) VALUES (:id, :initiative, :service, :type, :subject, :title, 'OPEN', :by, :at, "
                        + ":at, 0, 1)")
                .setParameter("id", t.id()).setParameter("initiative", t.initiativeId())
                .setParameter("service", t.subject().service()).setParameter("type", t.subject().type())
                .setParameter("subject", t.subject().id()).setParameter("title", t.title())
                .setParameter("by", t.createdBy()).setParameter("at", t.createdAt()).executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Thread>> findThread(UUID initiative, UUID id) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + THREAD_COLUMNS
                        + " FROM discussion_thread t WHERE t.id = :id AND t.initiative_id = :initiative")
                .setParameter("id", id).setParameter("initiative", initiative).getResultList())
                .map(rows -> rows.stream().findFirst().map(Discussions::thread));
    }

    /**
     * The initiative's threads whose subject the reader may read, most recently active first, below
     * the cursor's (last_comment_at, id); of one subject when {@code subject} is given.
     */
    public Uni<List<Thread>> threads(UUID initiative, Reader reader, Subject subject, OffsetDateTime beforeAt, UUID beforeId,
            int limit) {
        String sql = "SELECT " + THREAD_COLUMNS + " FROM discussion_thread t WHERE t.initiative_id = :initiative"
                + (subject == null ? "" : " AND t.subject_service = :service AND t.subject_type = :type AND t.subject_id = :subject")
                + (reader.staff() ? "" : " AND EXISTS (SELECT 1 FROM feed_entry f WHERE f.initiative_id = t.initiative_id AND "
                        + "f.object_service = t.subject_service AND f.object_type = t.subject_type AND f.object_id = t.subject_id "
                        + "AND " + VISIBLE_ENTRY + ")")
                + (beforeAt == null ? "" : " AND (t.last_comment_at, t.id) < (:at, :id)")
                + " ORDER BY t.last_comment_at DESC, t.id DESC LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("initiative", initiative).setParameter("limit", limit);
            if (subject != null) {
                q.setParameter("service", subject.service()).setParameter("type", subject.type())
                        .setParameter("subject", subject.id());
            }
            if (!reader.staff()) {
                q.setParameter("staff", false).setParameter("member", reader.organisation() != null)
                        .setParameter("organisation", reader.organisation() == null ? new UUID(0, 0) : reader.organisation());
            }
            if (beforeAt != null) {
                q.setParameter("at", beforeAt).setParameter("id", beforeId);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(Discussions::thread).toList());
    }

    public Uni<Void> setStatus(UUID thread, String status) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE discussion_thread SET status = :status, "
                        + "version = version + 1 WHERE id = :id")
                .setParameter("id", thread).setParameter("status", status).executeUpdate()).replaceWithVoid();
    }

    /** Adds a comment and counts it on its thread. */
    public Uni<Void> insertComment(Comment c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO discussion_comment (id, thread_id, parent_id, "
                        + "author, organisation_id, body_markdown, body_html, created_at, version) VALUES (:id, :thread, :parent, "
                        + ":author, :organisation, :markdown, :html, :at, 1)")
                .setParameter("id", c.id()).setParameter("thread", c.threadId()).setParameter("parent", c.parentId())
                .setParameter("author", c.author()).setParameter("organisation", c.organisationId())
                .setParameter("markdown", c.bodyMarkdown()).setParameter("html", c.bodyHtml())
                .setParameter("at", c.createdAt()).executeUpdate()
                .chain(() -> s.createNativeQuery("UPDATE discussion_thread SET comment_count = comment_count + 1, "
                                + "last_comment_at = :at WHERE id = :thread")
                        .setParameter("thread", c.threadId()).setParameter("at", c.createdAt()).executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Optional<Comment>> findComment(UUID thread, UUID id) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COMMENT_COLUMNS
                        + " FROM discussion_comment WHERE id = :id AND thread_id = :thread")
                .setParameter("id", id).setParameter("thread", thread).getResultList())
                .map(rows -> rows.stream().findFirst().map(Discussions::comment));
    }

    /** A thread's comments oldest first (replies name their parent), after the cursor's (created_at, id). */
    public Uni<List<Comment>> comments(UUID thread, OffsetDateTime afterAt, UUID afterId, int limit) {
        String sql = "SELECT " + COMMENT_COLUMNS + " FROM discussion_comment WHERE thread_id = :thread"
                + (afterAt == null ? "" : " AND (created_at, id) > (:at, :id)") + " ORDER BY created_at, id LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("thread", thread).setParameter("limit", limit);
            if (afterAt != null) {
                q.setParameter("at", afterAt).setParameter("id", afterId);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(Discussions::comment).toList());
    }

    /** Keeps what the comment said as a version, then writes the new text. */
    public Uni<Void> edit(Comment current, String markdown, String html) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO discussion_comment_version (comment_id, version, "
                        + "body_markdown, written_at) VALUES (:id, :version, :markdown, :at)")
                .setParameter("id", current.id()).setParameter("version", current.version())
                .setParameter("markdown", current.bodyMarkdown())
                .setParameter("at", current.editedAt() == null ? current.createdAt() : current.editedAt()).executeUpdate()
                .chain(() -> s.createNativeQuery("UPDATE discussion_comment SET body_markdown = :markdown, body_html = :html, "
                                + "edited_at = now(), version = version + 1 WHERE id = :id")
                        .setParameter("id", current.id()).setParameter("markdown", markdown).setParameter("html", html)
                        .executeUpdate())).replaceWithVoid();
    }

    /** What a comment said before each edit, oldest first. */
    public Uni<List<Version>> versions(UUID comment) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT version, body_markdown, written_at FROM "
                        + "discussion_comment_version WHERE comment_id = :id ORDER BY version")
                .setParameter("id", comment).getResultList())
                .map(rows -> rows.stream().map(r -> new Version(((Number) r[0]).intValue(), (String) r[1],
                        WebhookEndpoints.time(r[2]))).toList());
    }

    /** Soft deletion: the comment stays in its place (replies keep their parent), its text is gone. */
    public Uni<Void> delete(UUID comment, String by) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE discussion_comment SET body_markdown = '', "
                        + "body_html = '', deleted_at = now(), deleted_by = :by, version = version + 1 WHERE id = :id "
                        + "AND deleted_at IS NULL")
                .setParameter("id", comment).setParameter("by", by).executeUpdate()
                .chain(() -> s.createNativeQuery("DELETE FROM discussion_comment_version WHERE comment_id = :id")
                        .setParameter("id", comment).executeUpdate())).replaceWithVoid();
    }

    private static Thread thread(Object[] r) {
        return new Thread((UUID) r[0], (UUID) r[1], new Subject((String) r[2], (String) r[3], (String) r[4]), (String) r[5],
                (String) r[6], (String) r[7], WebhookEndpoints.time(r[8]), WebhookEndpoints.time(r[9]),
                ((Number) r[10]).intValue(), ((Number) r[11]).intValue());
    }

    private static Comment comment(Object[] r) {
        return new Comment((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (UUID) r[4], (String) r[5], (String) r[6],
                WebhookEndpoints.time(r[7]), WebhookEndpoints.time(r[8]), WebhookEndpoints.time(r[9]), (String) r[10],
                ((Number) r[11]).intValue());
    }
}
