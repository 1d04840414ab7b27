package org.backbone.kit.agenda;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;

/**
 * What a service knows of the agenda, read from the projection {@link AgendaProjector} keeps
 * (tables {@code agenda_initiative}, {@code agenda_membership}, {@code agenda_membership_change},
 * {@code agenda_goal}). Runs in the caller's reactive session.
 */
@ApplicationScoped
public class AgendaProjection {

    /** A current member of an initiative, as it joined. */
    public record Member(UUID organisationId, String name, Sector sector, PartnerRole role) {
    }

    public Uni<Boolean> exists(UUID initiative) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT count(*) FROM agenda_initiative WHERE id = :initiative", Long.class)
                .setParameter("initiative", initiative)
                .getSingleResult()).map(count -> count > 0);
    }

    public Uni<Boolean> isCurrentMember(UUID initiative, UUID organisation) {
        return role(initiative, organisation).map(Optional::isPresent);
    }

    /** The organisation's role in the initiative, or empty unless it is a current member. */
    public Uni<Optional<PartnerRole>> role(UUID initiative, UUID organisation) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT role FROM agenda_membership WHERE initiative_id = :initiative "
                                + "AND organisation_id = :organisation AND current", String.class)
                .setParameter("initiative", initiative)
                .setParameter("organisation", organisation)
                .getResultList()).map(roles -> roles.stream().findFirst().map(PartnerRole::valueOf));
    }

    /** Whether the organisation belonged to the initiative at {@code at} (by the joins and leaves known). */
    public Uni<Boolean> wasMemberAt(UUID initiative, UUID organisation, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT joined FROM agenda_membership_change WHERE initiative_id = :initiative "
                                + "AND organisation_id = :organisation AND at <= :at "
                                + "ORDER BY at DESC, joined ASC LIMIT 1", Boolean.class)
                .setParameter("initiative", initiative)
                .setParameter("organisation", organisation)
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .getResultList()).map(rows -> !rows.isEmpty() && rows.get(0));
    }

    /** The current members, by name. */
    public Uni<List<Member>> members(UUID initiative) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT organisation_id, name, sector, role FROM agenda_membership "
                                + "WHERE initiative_id = :initiative AND current ORDER BY name, organisation_id",
                        Tuple.class)
                .setParameter("initiative", initiative)
                .getResultList()).map(rows -> rows.stream().map(AgendaProjection::member).toList());
    }

    /** The ids of the current members. */
    public Uni<List<UUID>> memberIds(UUID initiative) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT organisation_id FROM agenda_membership WHERE initiative_id = :initiative AND current",
                        UUID.class)
                .setParameter("initiative", initiative)
                .getResultList());
    }

    /** How many organisations currently belong to the initiative. */
    public Uni<Integer> memberCount(UUID initiative) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT count(*) FROM agenda_membership WHERE initiative_id = :initiative AND current", Long.class)
                .setParameter("initiative", initiative)
                .getSingleResult()).map(Long::intValue);
    }

    /** An active goal of the agenda in force; {@code parentId} null at the root. */
    public record Goal(UUID id, UUID parentId, String title) {
    }

    /** The goal tree of the agenda in force, by title. */
    public Uni<List<Goal>> goalTree(UUID initiative) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT id, parent_id, title FROM agenda_goal WHERE initiative_id = :initiative AND active "
                                + "ORDER BY title, id", Tuple.class)
                .setParameter("initiative", initiative)
                .getResultList()).map(rows -> rows.stream().map(row -> new Goal(row.get("id", UUID.class),
                row.get("parent_id", UUID.class), row.get("title", String.class))).toList());
    }

    /** The goals of the agenda in force. */
    public Uni<List<UUID>> activeGoals(UUID initiative) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT id FROM agenda_goal WHERE initiative_id = :initiative AND active", UUID.class)
                .setParameter("initiative", initiative)
                .getResultList());
    }

    /** Those of {@code goalIds} that are active, in the order given. */
    public Uni<List<UUID>> activeAmong(UUID initiative, List<UUID> goalIds) {
        if (goalIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return activeGoals(initiative).map(active -> goalIds.stream().filter(active::contains).toList());
    }

    record Presence(boolean initiative, boolean member) {
    }

    /** Existence and membership in one query, for {@link org.backbone.kit.access.InitiativeAccess}. */
    Uni<Presence> presence(UUID initiative, UUID organisation) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT EXISTS (SELECT 1 FROM agenda_initiative WHERE id = :initiative) AS initiative, "
                                + "EXISTS (SELECT 1 FROM agenda_membership WHERE initiative_id = :initiative "
                                + "AND organisation_id = :organisation AND current) AS member", Tuple.class)
                .setParameter("initiative", initiative)
                .setParameter("organisation", organisation)
                .getSingleResult())
                .map(row -> new Presence(row.get("initiative", Boolean.class), row.get("member", Boolean.class)));
    }

    private static Member member(Tuple row) {
        String sector = row.get("sector", String.class);
        String role = row.get("role", String.class);
        return new Member(row.get("organisation_id", UUID.class), row.get("name", String.class),
                sector == null ? null : Sector.valueOf(sector), role == null ? null : PartnerRole.valueOf(role));
    }
}
