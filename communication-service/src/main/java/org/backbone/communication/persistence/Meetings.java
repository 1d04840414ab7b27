package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.backbone.communication.domain.meeting.Invitation;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;

/** Meetings, their agenda items, registrations and attendance, in the caller's reactive session. */
@ApplicationScoped
public class Meetings {

    public record Meeting(UUID id, UUID initiativeId, String title, String description, String kind, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String timeZone, String place, String link, String organiser, Invitation invitation,
            String status, String cancelReason, int sequence, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {
    }

    /** An object an agenda item is about: service, type, id. */
    public record ObjectLink(String service, String type, String id) {
    }

    public record AgendaItem(UUID id, UUID meetingId, int position, String title, int minutes, String notes, ObjectLink object) {
    }

    public record Registration(String userId, UUID organisationId, OffsetDateTime registeredAt) {
    }

    private static final String COLUMNS = columns("");

    /** The meeting's columns, each prefixed by {@code p} (a table alias and a dot, or nothing). */
    private static String columns(String p) {
        return String.join(", ", p + "id", p + "initiative_id", p + "title", p + "description", p + "kind", p + "starts_at",
                p + "ends_at", p + "time_zone", p + "place", p + "link", p + "organiser", p + "open_to_all",
                "array_to_string(" + p + "invited_organisations, ',')", "array_to_string(" + p + "invited_roles, ',')",
                "array_to_string(" + p + "invited_sectors, ',')", p + "status", p + "cancel_reason", p + "sequence",
                p + "created_at", p + "updated_at", p + "version");
    }

    public Uni<Void> insert(Meeting m) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO meeting (id, initiative_id, title, description, "
                        + "kind, starts_at, ends_at, time_zone, place, link, organiser, open_to_all, invited_organisations, "
                        + "invited_roles, invited_sectors, status, sequence, created_at, updated_at, version) VALUES (:id, "
                        + ":initiative, :title, :description, :kind, :starts, :ends, :zone, :place, :link, :organiser, :open, "
                        + "cast(:organisations AS uuid[]), :roles, :sectors, 'SCHEDULED', 0, :at, :at, 1)")
                .setParameter("id", m.id()).setParameter("initiative", m.initiativeId()).setParameter("title", m.title())
                .setParameter("description", m.description()).setParameter("kind", m.kind())
                .setParameter("starts", m.startsAt()).setParameter("ends", m.endsAt()).setParameter("zone", m.timeZone())
                .setParameter("place", m.place()).setParameter("link", m.link()).setParameter("organiser", m.organiser())
                .setParameter("open", m.invitation().openToAll())
                .setParameter("organisations", m.invitation().organisations().toArray(UUID[]::new))
                .setParameter("roles", m.invitation().roles().stream().map(Enum::name).toArray(String[]::new))
                .setParameter("sectors", m.invitation().sectors().stream().map(Enum::name).toArray(String[]::new))
                .setParameter("at", m.createdAt()).executeUpdate()).replaceWithVoid();
    }

    /** Writes the details staff change; one more iCalendar sequence and version. */
    public Uni<Void> update(Meeting m) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE meeting SET title = :title, description = :description, "
                        + "kind = :kind, starts_at = :starts, ends_at = :ends, time_zone = :zone, place = :place, link = :link, "
                        + "open_to_all = :open, invited_organisations = cast(:organisations AS uuid[]), invited_roles = :roles, "
                        + "invited_sectors = :sectors, sequence = sequence + 1, updated_at = now(), version = version + 1 "
                        + "WHERE id = :id")
                .setParameter("id", m.id()).setParameter("title", m.title())
                .setParameter("description", m.description()).setParameter("kind", m.kind())
                .setParameter("starts", m.startsAt()).setParameter("ends", m.endsAt()).setParameter("zone", m.timeZone())
                .setParameter("place", m.place()).setParameter("link", m.link())
                .setParameter("open", m.invitation().openToAll())
                .setParameter("organisations", m.invitation().organisations().toArray(UUID[]::new))
                .setParameter("roles", m.invitation().roles().stream().map(Enum::name).toArray(String[]::new))
                .setParameter("sectors", m.invitation().sectors().stream().map(Enum::name).toArray(String[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    /** Moves it from {@code from} to {@code to}; false when it was not in {@code from} any more. Cancelling bumps the sequence. */
    public Uni<Boolean> move(UUID id, String from, String to, String reason) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE meeting SET status = :to, cancel_reason = :reason, "
                        + "sequence = sequence + CASE WHEN :to = 'CANCELLED' THEN 1 ELSE 0 END, updated_at = now(), "
                        + "version = version + 1 WHERE id = :id AND status = :from")
                .setParameter("id", id).setParameter("from", from).setParameter("to", to).setParameter("reason", reason)
                .executeUpdate()).map(n -> n == 1);
    }

    public Uni<Optional<Meeting>> find(UUID initiative, UUID id) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT " + COLUMNS
                        + " FROM meeting WHERE id = :id AND initiative_id = :initiative")
                .setParameter("id", id).setParameter("initiative", initiative).getResultList())
                .map(rows -> rows.stream().findFirst().map(Meetings::meeting));
    }

    /** The initiative's meetings by start, after the cursor's (starts_at, id); from {@code from} on when given. */
    public Uni<List<Meeting>> list(UUID initiative, OffsetDateTime from, OffsetDateTime afterAt, UUID afterId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM meeting WHERE initiative_id = :initiative"
                + (from == null ? "" : " AND ends_at >= :from")
                + (afterAt == null ? "" : " AND (starts_at, id) > (:at, :id)") + " ORDER BY starts_at, id LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("initiative", initiative).setParameter("limit", limit);
            if (from != null) {
                q.setParameter("from", from);
            }
            if (afterAt != null) {
                q.setParameter("at", afterAt).setParameter("id", afterId);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(Meetings::meeting).toList());
    }

    /**
     * The meetings a calendar shows, ending after {@code from}: for staff every initiative's; for a
     * partner's member those of initiatives its organisation currently belongs to that invite it.
     */
    public Uni<List<Meeting>> calendar(boolean staff, UUID organisation, OffsetDateTime from, int limit) {
        String sql = "SELECT " + columns("m.") + " FROM meeting m" + (staff ? " WHERE" : " JOIN agenda_membership a ON a.initiative_id = m.initiative_id "
                + "AND a.organisation_id = :organisation AND a.current WHERE (m.open_to_all OR :organisation = ANY "
                + "(m.invited_organisations) OR a.role = ANY (m.invited_roles) OR a.sector = ANY (m.invited_sectors)) AND")
                + " m.ends_at >= :from ORDER BY m.starts_at, m.id LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("from", from).setParameter("limit", limit);
            if (!staff) {
                q.setParameter("organisation", organisation);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(Meetings::meeting).toList());
    }

    // agenda items

    public Uni<List<AgendaItem>> agenda(UUID meeting) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT id, meeting_id, position, title, minutes, "
                        + "notes, object_service, object_type, object_id FROM meeting_agenda_item WHERE meeting_id = :meeting "
                        + "ORDER BY position")
                .setParameter("meeting", meeting).getResultList())
                .map(rows -> rows.stream().map(r -> new AgendaItem((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(),
                        (String) r[3], ((Number) r[4]).intValue(), (String) r[5],
                        r[6] == null ? null : new ObjectLink((String) r[6], (String) r[7], (String) r[8]))).toList());
    }

    /** Appends an item after the last one. */
    public Uni<Void> addItem(AgendaItem item) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO meeting_agenda_item (id, meeting_id, position, "
                        + "title, minutes, notes, object_service, object_type, object_id) VALUES (:id, :meeting, (SELECT "
                        + "coalesce(max(position), 0) + 1 FROM meeting_agenda_item WHERE meeting_id = :meeting), :title, "
                        + ":minutes, :notes, :service, :type, :object)")
                .setParameter("id", item.id()).setParameter("meeting", item.meetingId()).setParameter("title", item.title())
                .setParameter("minutes", item.minutes()).setParameter("notes", item.notes())
                .setParameter("service", item.object() == null ? null : item.object().service())
                .setParameter("type", item.object() == null ? null : item.object().type())
                .setParameter("object", item.object() == null ? null : item.object().id())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Boolean> updateItem(AgendaItem item) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE meeting_agenda_item SET title = :title, "
                        + "minutes = :minutes, notes = :notes, object_service = :service, object_type = :type, object_id = :object "
                        + "WHERE id = :id AND meeting_id = :meeting")
                .setParameter("id", item.id()).setParameter("meeting", item.meetingId()).setParameter("title", item.title())
                .setParameter("minutes", item.minutes()).setParameter("notes", item.notes())
                .setParameter("service", item.object() == null ? null : item.object().service())
                .setParameter("type", item.object() == null ? null : item.object().type())
                .setParameter("object", item.object() == null ? null : item.object().id())
                .executeUpdate()).map(n -> n == 1);
    }

    /** Removes an item and closes the gap it leaves. */
    public Uni<Boolean> removeItem(UUID meeting, UUID item) {
        return Panache.getSession().chain(s -> s.createNativeQuery("WITH gone AS (DELETE FROM meeting_agenda_item WHERE id = :id "
                        + "AND meeting_id = :meeting RETURNING position) UPDATE meeting_agenda_item SET position = position - 1 "
                        + "WHERE meeting_id = :meeting AND position > (SELECT position FROM gone)")
                .setParameter("id", item).setParameter("meeting", meeting).executeUpdate()
                .chain(() -> s.createNativeQuery("SELECT count(*) FROM meeting_agenda_item WHERE id = :id", Long.class)
                        .setParameter("id", item).getSingleResult()))
                .map(left -> left == 0);
    }

    /** Puts the items in the order given (every item of the meeting, each once: the caller checked). */
    public Uni<Void> reorder(UUID meeting, List<UUID> order) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE meeting_agenda_item i SET position = o.position "
                        + "FROM unnest(cast(:ids AS uuid[])) WITH ORDINALITY AS o(id, position) WHERE i.id = o.id "
                        + "AND i.meeting_id = :meeting")
                .setParameter("ids", order.toArray(UUID[]::new)).setParameter("meeting", meeting)
                .executeUpdate()).replaceWithVoid();
    }

    /** One more version and iCalendar sequence: the agenda is part of what the invitation says. */
    public Uni<Void> touch(UUID meeting) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE meeting SET sequence = sequence + 1, "
                        + "updated_at = now(), version = version + 1 WHERE id = :id")
                .setParameter("id", meeting).executeUpdate()).replaceWithVoid();
    }

    // registrations and attendance

    /** Registers; false when the person already was. */
    public Uni<Boolean> register(UUID meeting, String user, UUID organisation, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO meeting_registration (meeting_id, user_id, "
                        + "organisation_id, registered_at) VALUES (:meeting, :user, :organisation, :at) ON CONFLICT DO NOTHING")
                .setParameter("meeting", meeting).setParameter("user", user).setParameter("organisation", organisation)
                .setParameter("at", at).executeUpdate()).map(n -> n == 1);
    }

    public Uni<Boolean> unregister(UUID meeting, String user) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM meeting_registration WHERE meeting_id = :meeting "
                        + "AND user_id = :user")
                .setParameter("meeting", meeting).setParameter("user", user).executeUpdate()).map(n -> n == 1);
    }

    /** The registrations, all of them or one organisation's (and staff's: none) only. */
    public Uni<List<Registration>> registrations(UUID meeting) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT user_id, organisation_id, registered_at "
                        + "FROM meeting_registration WHERE meeting_id = :meeting ORDER BY registered_at, user_id")
                .setParameter("meeting", meeting).getResultList())
                .map(rows -> rows.stream().map(r -> new Registration((String) r[0], (UUID) r[1], WebhookEndpoints.time(r[2])))
                        .toList());
    }

    public Uni<Set<UUID>> attendance(UUID meeting) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT organisation_id FROM meeting_attendance "
                        + "WHERE meeting_id = :meeting", UUID.class)
                .setParameter("meeting", meeting).getResultList()).map(Set::copyOf);
    }

    public Uni<Void> setAttendance(UUID meeting, Set<UUID> organisations) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM meeting_attendance WHERE meeting_id = :meeting")
                .setParameter("meeting", meeting).executeUpdate()
                .chain(() -> s.createNativeQuery("INSERT INTO meeting_attendance (meeting_id, organisation_id) "
                                + "SELECT :meeting, unnest(cast(:organisations AS uuid[]))")
                        .setParameter("meeting", meeting).setParameter("organisations", organisations.toArray(UUID[]::new))
                        .executeUpdate())
                .chain(() -> s.createNativeQuery("UPDATE meeting SET updated_at = now(), version = version + 1 WHERE id = :meeting")
                        .setParameter("meeting", meeting).executeUpdate()))
                .replaceWithVoid();
    }

    // private calendar feeds

    /** Who a calendar token belongs to. */
    public record CalendarOwner(String subject, UUID organisationId, boolean staff) {
    }

    /** Replaces the person's token (the old one stops working). */
    public Uni<Void> saveCalendarToken(byte[] hash, CalendarOwner owner, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO calendar_token (token_hash, subject, "
                        + "organisation_id, staff, created_at) VALUES (:hash, :subject, :organisation, :staff, :at) "
                        + "ON CONFLICT (subject) DO UPDATE SET token_hash = excluded.token_hash, "
                        + "organisation_id = excluded.organisation_id, staff = excluded.staff, created_at = excluded.created_at")
                .setParameter("hash", hash).setParameter("subject", owner.subject())
                .setParameter("organisation", owner.organisationId()).setParameter("staff", owner.staff())
                .setParameter("at", at).executeUpdate()).replaceWithVoid();
    }

    public Uni<Boolean> deleteCalendarToken(String subject) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM calendar_token WHERE subject = :subject")
                .setParameter("subject", subject).executeUpdate()).map(n -> n == 1);
    }

    public Uni<Optional<CalendarOwner>> calendarOwner(byte[] hash) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT subject, organisation_id, staff FROM "
                        + "calendar_token WHERE token_hash = :hash")
                .setParameter("hash", hash).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new CalendarOwner((String) r[0], (UUID) r[1], (Boolean) r[2])));
    }

    private static Meeting meeting(Object[] r) {
        return new Meeting((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], WebhookEndpoints.time(r[5]),
                WebhookEndpoints.time(r[6]), (String) r[7], (String) r[8], (String) r[9], (String) r[10],
                new Invitation((Boolean) r[11], split(r[12]).stream().map(UUID::fromString).collect(Collectors.toSet()),
                        split(r[13]).stream().map(PartnerRole::valueOf).collect(Collectors.toSet()),
                        split(r[14]).stream().map(Sector::valueOf).collect(Collectors.toSet())),
                (String) r[15], (String) r[16], ((Number) r[17]).intValue(), WebhookEndpoints.time(r[18]),
                WebhookEndpoints.time(r[19]), ((Number) r[20]).intValue());
    }

    private static List<String> split(Object joined) {
        return joined == null || ((String) joined).isEmpty() ? List.of() : Arrays.asList(((String) joined).split(","));
    }
}
