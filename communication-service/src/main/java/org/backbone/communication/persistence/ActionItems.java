package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Action items, in the caller's reactive session. */
@ApplicationScoped
public class ActionItems {

    public record Source(String service, String type, String id) {
    }

    public record ActionItem(UUID id, UUID initiativeId, String title, String notes, UUID assigneeOrganisationId,
            String assigneeUserId, LocalDate dueOn, Source source, String status, String createdBy, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, OffsetDateTime completedAt, int version, UUID activityId) {
    }

    private static final String COLUMNS = "id, initiative_id, title, notes, assignee_organisation_id, assignee_user_id, due_on, "
            + "source_service, source_type, source_id, status, created_by, created_at, updated_at, completed_at, version, activity_id";

    public Uni<Void> insert(ActionItem a) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO action_item (id, initiative_id, title, notes, "
                        + "assignee_organisation_id, assignee_user_id, due_on, source_service, source_type, source_id, status, "
                        + "created_by, created_at, updated_at, version) VALUES (:id, :initiative, :title, :notes, :organisation, "
                        + ":user, :due, :service, :type, :source, 'OPEN', :by, :at, :at, 1)")
                .setParameter("id", a.id()).setParameter("initiative", a.initiativeId()).setParameter("title", a.title())
                .setParameter("notes", a.notes()).setParameter("organisation", a.assigneeOrganisationId())
                .setParameter("user", a.assigneeUserId()).setParameter("due", a.dueOn())
                .setParameter("service", a.source() == null ? null : a.source().service())
                .setParameter("type", a.source() == null ? null : a.source().type())
                .setParameter("source", a.source() == null ? null : a.source().id())
                .setParameter("by", a.createdBy()).setParameter("at", a.createdAt()).executeUpdate()).replaceWithVoid();
    }

    /** Writes what staff change; a new due date may be overdue again, and is told again. */
    public Uni<Void> update(ActionItem a) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE action_item SET title = :title, notes = :notes, "
                        + "assignee_organisation_id = :organisation, assignee_user_id = :user, "
                        + "overdue_told = overdue_told AND due_on = :due, due_on = :due, updated_at = now(), "
                        + "version = version + 1 WHERE id = :id")
                .setParameter("id", a.id()).setParameter("title", a.title()).setParameter("notes", a.notes())
                .setParameter("organisation", a.assigneeOrganisationId()).setParameter("user", a.assigneeUserId())
                .setParameter("due", a.dueOn()).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> setStatus(UUID id, String status) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE action_item SET status = :status, updated_at = now(), "
                        + "completed_at = CASE WHEN :status IN ('DONE', 'CANCELLED') THEN now() END, version = version + 1 "
                        + "WHERE id = :id")
                .setParameter("id", id).setParameter("status", status).executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<ActionItem>> find(UUID initiative, UUID id) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COLUMNS
                        + " FROM action_item WHERE id = :id AND initiative_id = :initiative")
                .setParameter("id", id).setParameter("initiative", initiative).getResultList())
                .map(rows -> rows.stream().findFirst().map(ActionItems::actionItem));
    }

    /** Action items of one initiative by due date (then id), after the cursor's. */
    public Uni<List<ActionItem>> ofInitiative(UUID initiative, boolean unfinishedOnly, LocalDate afterDue, UUID afterId,
            int limit) {
        return list("initiative_id = :initiative", q -> q.setParameter("initiative", initiative), unfinishedOnly, afterDue,
                afterId, limit);
    }

    /**
     * Action items assigned to {@code user} or to {@code organisation}, by due date, in initiatives the
     * reader may still read: staff every one, a partner's member those its organisation belongs to now.
     */
    public Uni<List<ActionItem>> assignedTo(String user, UUID organisation, boolean staff, boolean unfinishedOnly,
            LocalDate afterDue, UUID afterId, int limit) {
        String where = "(assignee_user_id = :user OR assignee_organisation_id = :organisation) AND (:staff OR EXISTS (SELECT 1 "
                + "FROM agenda_membership m WHERE m.initiative_id = action_item.initiative_id AND m.organisation_id = :organisation "
                + "AND m.current))";
        return list(where, q -> q.setParameter("user", user).setParameter("staff", staff)
                .setParameter("organisation", organisation == null ? new UUID(0, 0) : organisation), unfinishedOnly, afterDue,
                afterId, limit);
    }

    private Uni<List<ActionItem>> list(String where, java.util.function.Consumer<org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<Object[]>> bind,
            boolean unfinishedOnly, LocalDate afterDue, UUID afterId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM action_item WHERE " + where
                + (unfinishedOnly ? " AND status IN ('OPEN', 'IN_PROGRESS')" : "")
                + (afterDue == null ? "" : " AND (due_on, id) > (:due, :id)") + " ORDER BY due_on, id LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("limit", limit);
            bind.accept(q);
            if (afterDue != null) {
                q.setParameter("due", afterDue).setParameter("id", afterId);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(ActionItems::actionItem).toList());
    }

    /** Unfinished items due before {@code today} not told yet, locked for this transaction (replicas skip them). */
    public Uni<List<ActionItem>> overdueUntold(LocalDate today, int limit) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COLUMNS + " FROM action_item WHERE "
                        + "status IN ('OPEN', 'IN_PROGRESS') AND NOT overdue_told AND due_on < :today ORDER BY due_on, id "
                        + "LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("today", today).setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(ActionItems::actionItem).toList());
    }

    public Uni<Void> markOverdueTold(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE action_item SET overdue_told = true WHERE id = :id")
                .setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    private static ActionItem actionItem(Object[] r) {
        Source source = r[7] == null ? null : new Source((String) r[7], (String) r[8], (String) r[9]);
        return new ActionItem((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                r[6] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[6], source, (String) r[10], (String) r[11],
                WebhookEndpoints.time(r[12]), WebhookEndpoints.time(r[13]), WebhookEndpoints.time(r[14]),
                ((Number) r[15]).intValue(), (UUID) r[16]);
    }

    /** Links the activity it became; false when it already had one. */
    public Uni<Boolean> linkActivity(UUID id, UUID activity) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE action_item SET activity_id = :activity, "
                        + "updated_at = now(), version = version + 1 WHERE id = :id AND activity_id IS NULL")
                .setParameter("id", id).setParameter("activity", activity).executeUpdate()).map(n -> n == 1);
    }
}
