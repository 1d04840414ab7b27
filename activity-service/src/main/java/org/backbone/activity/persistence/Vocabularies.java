package org.backbone.activity.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.backbone.activity.domain.CodeTree;
import org.backbone.activity.domain.VocabularyKind;

/** The vocabularies of each initiative: their entries in the order given, and one version per vocabulary. */
@ApplicationScoped
public class Vocabularies {

    public record Entry(String code, String parent, String label) {
    }

    public record Vocabulary(VocabularyKind kind, long version, List<Entry> entries) {

        public CodeTree tree() {
            return new CodeTree(entries.stream().map(e -> new CodeTree.Node(e.code(), e.parent())).toList());
        }
    }

    public Uni<Vocabulary> get(UUID initiative, VocabularyKind kind) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT code, parent_code, label FROM vocabulary_entry WHERE initiative_id = :initiative "
                                + "AND kind = :kind ORDER BY position", Tuple.class)
                .setParameter("initiative", initiative).setParameter("kind", kind.name())
                .getResultList()
                .chain(rows -> session.createNativeQuery("SELECT coalesce(max(version), 0) FROM vocabulary "
                                + "WHERE initiative_id = :initiative AND kind = :kind", Long.class)
                        .setParameter("initiative", initiative).setParameter("kind", kind.name())
                        .getSingleResult()
                        .map(version -> new Vocabulary(kind, version, rows.stream().map(row -> new Entry(
                                row.get("code", String.class), row.get("parent_code", String.class),
                                row.get("label", String.class))).toList()))));
    }

    /** Replaces the vocabulary whole, taking its row lock first; returns the new version. */
    public Uni<Long> replace(UUID initiative, VocabularyKind kind, List<Entry> entries) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO vocabulary (initiative_id, kind, version, updated_at) VALUES (:initiative, :kind, 1, :now) "
                                + "ON CONFLICT (initiative_id, kind) DO UPDATE SET version = vocabulary.version + 1, "
                                + "updated_at = excluded.updated_at RETURNING version", Long.class)
                .setParameter("initiative", initiative).setParameter("kind", kind.name()).setParameter("now", now)
                .getSingleResult()
                .call(() -> session.createNativeQuery("DELETE FROM vocabulary_entry WHERE initiative_id = :initiative "
                                + "AND kind = :kind")
                        .setParameter("initiative", initiative).setParameter("kind", kind.name()).executeUpdate())
                .call(() -> entries.isEmpty() ? Uni.createFrom().voidItem() : session.createNativeQuery(
                                "INSERT INTO vocabulary_entry (initiative_id, kind, code, parent_code, label, position) "
                                        + "SELECT :initiative, :kind, code, parent, label, position FROM "
                                        + "unnest(cast(:codes AS text[]), cast(:parents AS text[]), cast(:labels AS text[])) "
                                        + "WITH ORDINALITY AS e(code, parent, label, position)")
                        .setParameter("initiative", initiative).setParameter("kind", kind.name())
                        .setParameter("codes", entries.stream().map(Entry::code).toArray(String[]::new))
                        .setParameter("parents", entries.stream().map(Entry::parent).toArray(String[]::new))
                        .setParameter("labels", entries.stream().map(Entry::label).toArray(String[]::new))
                        .executeUpdate()));
    }

    /** Locks the vocabulary row (if any) so a replacement and its version check are one step. */
    public Uni<Long> lockVersion(UUID initiative, VocabularyKind kind) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT version FROM vocabulary WHERE initiative_id = :initiative AND kind = :kind FOR UPDATE",
                        Long.class)
                .setParameter("initiative", initiative).setParameter("kind", kind.name())
                .getResultList()).map(rows -> rows.isEmpty() ? 0L : rows.get(0));
    }
}
