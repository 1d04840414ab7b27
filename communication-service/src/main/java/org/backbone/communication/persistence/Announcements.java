package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Announcements and their acknowledgements, in the caller's reactive session. */
@ApplicationScoped
public class Announcements {

    public record Announcement(UUID id, UUID initiativeId, String title, String bodyMarkdown, String bodyHtml,
            String audience, List<String> partnerRoles, List<String> partnerSectors, OffsetDateTime publishAt,
            boolean published, List<UUID> organisationIds, OffsetDateTime pinnedUntil, boolean ackRequested,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {
    }

    public record Acknowledgement(String userId, UUID organisationId, OffsetDateTime at) {
    }

    /**
     * Which announcements a list shows: staff every one; anybody else the published ones of the
     * audiences given, and of PARTNERS only those whose roles and sectors admit the reader's organisation.
     */
    public record Visible(boolean everything, List<String> audiences, String partnerRole, String partnerSector) {
    }

    private static final String COLUMNS = "id, initiative_id, title, body_markdown, body_html, audience, "
            + "array_to_string(partner_roles, ','), array_to_string(partner_sectors, ','), publish_at, published, "
            + "array_to_string(organisation_ids, ','), pinned_until, ack_requested, created_by, created_at, updated_at, version";

    public Uni<Void> insert(Announcement a) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO announcement (id, initiative_id, title, "
                        + "body_markdown, body_html, audience, partner_roles, partner_sectors, publish_at, published, "
                        + "pinned_until, ack_requested, created_by, created_at, updated_at, version) VALUES (:id, :initiative, "
                        + ":title, :markdown, :html, :audience, :roles, :sectors, :publishAt, false, :pinned, :ack, :by, :at, "
                        + ":at, 1)")
                .setParameter("id", a.id()).setParameter("initiative", a.initiativeId()).setParameter("title", a.title())
                .setParameter("markdown", a.bodyMarkdown()).setParameter("html", a.bodyHtml())
                .setParameter("audience", a.audience()).setParameter("roles", a.partnerRoles().toArray(String[]::new))
                .setParameter("sectors", a.partnerSectors().toArray(String[]::new))
                .setParameter("publishAt", a.publishAt()).setParameter("pinned", a.pinnedUntil())
                .setParameter("ack", a.ackRequested()).setParameter("by", a.createdBy()).setParameter("at", a.createdAt())
                .executeUpdate()).replaceWithVoid();
    }

    /** Writes what staff may change and bumps the version. */
    public Uni<Void> update(Announcement a) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE announcement SET title = :title, "
                        + "body_markdown = :markdown, body_html = :html, audience = :audience, partner_roles = :roles, "
                        + "partner_sectors = :sectors, publish_at = :publishAt, pinned_until = :pinned, ack_requested = :ack, "
                        + "updated_at = now(), version = version + 1 WHERE id = :id")
                .setParameter("id", a.id()).setParameter("title", a.title()).setParameter("markdown", a.bodyMarkdown())
                .setParameter("html", a.bodyHtml()).setParameter("audience", a.audience())
                .setParameter("roles", a.partnerRoles().toArray(String[]::new))
                .setParameter("sectors", a.partnerSectors().toArray(String[]::new))
                .setParameter("publishAt", a.publishAt()).setParameter("pinned", a.pinnedUntil())
                .setParameter("ack", a.ackRequested()).executeUpdate()).replaceWithVoid();
    }

    /** Marks it published, with the organisations it was for; false when it already was (another replica). */
    public Uni<Boolean> markPublished(UUID id, List<UUID> organisations) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE announcement SET published = true, "
                        + "organisation_ids = cast(:organisations AS uuid[]) WHERE id = :id AND NOT published")
                .setParameter("id", id)
                .setParameter("organisations", organisations == null ? null : organisations.toArray(UUID[]::new))
                .executeUpdate()).map(n -> n == 1);
    }

    public Uni<Void> delete(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM announcement WHERE id = :id")
                .setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Announcement>> find(UUID initiative, UUID id) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COLUMNS
                        + " FROM announcement WHERE id = :id AND initiative_id = :initiative")
                .setParameter("id", id).setParameter("initiative", initiative).getResultList())
                .map(rows -> rows.stream().findFirst().map(Announcements::announcement));
    }

    /** Unpublished announcements whose time has come, oldest first, locked for this transaction (replicas skip them). */
    public Uni<List<Announcement>> due(int limit) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COLUMNS + " FROM announcement "
                        + "WHERE NOT published AND publish_at <= now() ORDER BY publish_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(Announcements::announcement).toList());
    }

    /**
     * The initiative's announcements {@code visible} shows, newest first (by publish time), below the
     * cursor's (publish_at, id); only those pinned at this moment when {@code pinnedOnly}.
     */
    public Uni<List<Announcement>> list(UUID initiative, Visible visible, boolean pinnedOnly, OffsetDateTime beforeAt,
            UUID beforeId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM announcement WHERE initiative_id = :initiative"
                + (visible.everything() ? "" : " AND published AND audience = ANY(cast(:audiences AS text[])) AND (audience <> "
                        + "'PARTNERS' OR ((cardinality(partner_roles) = 0 OR :role = ANY(partner_roles)) AND "
                        + "(cardinality(partner_sectors) = 0 OR :sector = ANY(partner_sectors))))")
                + (pinnedOnly ? " AND pinned_until > now()" : "")
                + (beforeAt == null ? "" : " AND (publish_at, id) < (:at, :id)")
                + " ORDER BY publish_at DESC, id DESC LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("initiative", initiative).setParameter("limit", limit);
            if (!visible.everything()) {
                q.setParameter("audiences", visible.audiences().toArray(String[]::new))
                        .setParameter("role", visible.partnerRole() == null ? "" : visible.partnerRole())
                        .setParameter("sector", visible.partnerSector() == null ? "" : visible.partnerSector());
            }
            if (beforeAt != null) {
                q.setParameter("at", beforeAt).setParameter("id", beforeId);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(Announcements::announcement).toList());
    }

    /** Records that {@code userId} read it; an earlier acknowledgement stays as it was. Emits the one that holds. */
    public Uni<Acknowledgement> acknowledge(UUID announcement, String userId, UUID organisation) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO announcement_ack (announcement_id, user_id, "
                        + "organisation_id, acknowledged_at) VALUES (:announcement, :user, :organisation, now()) "
                        + "ON CONFLICT (announcement_id, user_id) DO NOTHING")
                .setParameter("announcement", announcement).setParameter("user", userId)
                .setParameter("organisation", organisation).executeUpdate()
                .chain(() -> s.<Object[]>createNativeQuery("SELECT user_id, organisation_id, acknowledged_at FROM "
                                + "announcement_ack WHERE announcement_id = :announcement AND user_id = :user")
                        .setParameter("announcement", announcement).setParameter("user", userId).getSingleResult()))
                .map(Announcements::acknowledgement);
    }

    /** Which of {@code announcements} {@code userId} has acknowledged. */
    public Uni<List<UUID>> acknowledgedBy(String userId, List<UUID> announcements) {
        if (announcements.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT announcement_id FROM announcement_ack WHERE "
                        + "user_id = :user AND announcement_id = ANY(cast(:ids AS uuid[]))", UUID.class)
                .setParameter("user", userId).setParameter("ids", announcements.toArray(UUID[]::new)).getResultList());
    }

    /** Who acknowledged it, in order, after the cursor's (acknowledged_at, user_id). */
    public Uni<List<Acknowledgement>> acknowledgements(UUID announcement, OffsetDateTime afterAt, String afterUser, int limit) {
        String sql = "SELECT user_id, organisation_id, acknowledged_at FROM announcement_ack WHERE announcement_id = :announcement"
                + (afterAt == null ? "" : " AND (acknowledged_at, user_id) > (:at, :user)")
                + " ORDER BY acknowledged_at, user_id LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("announcement", announcement).setParameter("limit", limit);
            if (afterAt != null) {
                q.setParameter("at", afterAt).setParameter("user", afterUser);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(Announcements::acknowledgement).toList());
    }

    public Uni<Long> acknowledgementCount(UUID announcement) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM announcement_ack WHERE "
                        + "announcement_id = :announcement", Long.class)
                .setParameter("announcement", announcement).getSingleResult());
    }

    private static Announcement announcement(Object[] r) {
        return new Announcement((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                list((String) r[6]), list((String) r[7]), WebhookEndpoints.time(r[8]), (Boolean) r[9],
                r[10] == null ? null : list((String) r[10]).stream().map(UUID::fromString).toList(),
                WebhookEndpoints.time(r[11]), (Boolean) r[12], (String) r[13], WebhookEndpoints.time(r[14]),
                WebhookEndpoints.time(r[15]), ((Number) r[16]).intValue());
    }

    private static Acknowledgement acknowledgement(Object[] r) {
        return new Acknowledgement((String) r[0], (UUID) r[1], WebhookEndpoints.time(r[2]));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
