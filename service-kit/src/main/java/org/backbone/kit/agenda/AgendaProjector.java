package org.backbone.kit.agenda;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.Topics;
import org.backbone.contracts.agenda.AgendaRatified;
import org.backbone.contracts.agenda.GoalActivated;
import org.backbone.contracts.agenda.GoalRetired;
import org.backbone.contracts.agenda.GoalSnapshot;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.InitiativeUpdated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.kit.config.KitConfig;
import org.backbone.kit.events.PermanentEventFailure;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.inbox.BatchInbox;
import org.backbone.kit.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps the initiatives, memberships (with every join and leave) and active goals of the agenda, from
 * {@code backbone.agenda.v1} through the kit's batch inbox (consumer name = {@code backbone.service}; a
 * poll per transaction; dead letters through the channel {@code agenda-dead-letters}). Every
 * write is guarded by the event's own time or version, so redelivered and out-of-order events leave
 * the projection as the newest event says. Events of other types are acknowledged and ignored.
 * A service switches it on with {@code backbone.agenda-projection.enabled=true} (a build setting);
 * the channel {@code agenda-events} is configured by the kit.
 */
@IfBuildProperty(name = "backbone.agenda-projection.enabled", stringValue = "true")
@ApplicationScoped
public class AgendaProjector {

    private final Instance<AgendaReaction> reactions;
    private final BatchInbox<ReceivedEvent, Void> inbox;

    AgendaProjector(Inbox inbox, @Any Instance<AgendaReaction> reactions, KitConfig config,
            @Channel("agenda-dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> deadLetters) {
        this.reactions = reactions;
        String deadLetterTopic = Topics.deadLetter(Topics.AGENDA, config.service());
        // what a poll returned in one transaction, one event after another in the order read
        this.inbox = inbox.batch(config.service(), BatchInbox.events(), BatchInbox.inOrder(this::apply), nothing -> {
        }, deadLetters, record -> deadLetterTopic);
    }

    @Incoming("agenda-events")
    Uni<Void> consume(Message<List<byte[]>> batch) {
        return inbox.process(batch);
    }

    /**
     * Applies an agenda event that decides who belongs to an initiative to the projection alone, without
     * the reactions, in the caller's session: for another consumer of the agenda topic that must not act
     * on an event before the projection holds the memberships it names (who may read a webhook's event,
     * who is told). Every write is guarded by the event's time or version, so this consumer and the
     * projection's own applying the same event is harmless. Other agenda events (renames, goals) are left
     * to the projection's consumer: when every consumer wrote every event, their transactions queued for
     * the same rows and deadlocked over them (the feed bench's renames found it).
     */
    public Uni<Void> projectFirst(ReceivedEvent event) {
        if (!projectsFirst(event)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> project(session, event.catalogued().get(), event.timeOrNow()));
    }

    /**
     * Whether {@link #projectFirst} applies {@code event}: an agenda event that changes who belongs to an
     * initiative. A consumer that batches its writes cuts its batch before each such event.
     */
    public boolean projectsFirst(ReceivedEvent event) {
        try {
            return isAgenda(event) && event.catalogued().map(AgendaProjector::decidesMembership).orElse(false);
        } catch (PermanentEventFailure unreadable) {
            return false; // changes nothing: the consumer refuses it when it reads the payload itself
        }
    }

    /** Whether {@code payload} changes who belongs to an initiative: what {@link #projectFirst} applies. */
    static boolean decidesMembership(BackboneEvent payload) {
        return payload instanceof InitiativeCreated || payload instanceof PartnerJoined || payload instanceof PartnerLeft;
    }

    Uni<Void> apply(ReceivedEvent event) {
        if (!isAgenda(event)) {
            return Uni.createFrom().voidItem();
        }
        BackboneEvent payload = event.catalogued().orElseThrow();
        OffsetDateTime time = event.timeOrNow();
        Uni<Void> reacted = Uni.createFrom().voidItem();
        for (AgendaReaction reaction : reactions) {
            reacted = reacted.chain(() -> reaction.on(payload));
        }
        Uni<Void> projected = reacted.chain(() -> Panache.getSession().chain(session -> project(session, payload, time)));
        for (AgendaReaction reaction : reactions) {
            projected = projected.chain(() -> reaction.projected(payload));
        }
        return projected;
    }

    private static boolean isAgenda(ReceivedEvent event) {
        return EventCatalog.byType(event.type()).map(descriptor -> descriptor.service().equals("agenda")).orElse(false);
    }

    private static Uni<Void> project(Mutiny.Session session, BackboneEvent payload, OffsetDateTime time) {
        if (payload instanceof InitiativeCreated created) {
            return initiative(session, created.initiativeId(), created.name(), time);
        } else if (payload instanceof InitiativeUpdated updated) {
            return initiative(session, updated.initiativeId(), updated.name(), time);
        } else if (payload instanceof PartnerJoined joined) {
            return partner(session, joined, joined.joinedAt().atOffset(ZoneOffset.UTC));
        } else if (payload instanceof PartnerLeft left) {
            // a leave may overtake its join: it is recorded even then, and the older join cannot undo it
            OffsetDateTime leftAt = left.leftAt().atOffset(ZoneOffset.UTC);
            return session.createNativeQuery("INSERT INTO agenda_membership (initiative_id, organisation_id, current, as_of) "
                            + "VALUES (:initiative, :organisation, false, :asOf) ON CONFLICT (initiative_id, organisation_id) "
                            + "DO UPDATE SET current = false, as_of = excluded.as_of "
                            + "WHERE agenda_membership.as_of <= excluded.as_of")
                    .setParameter("asOf", leftAt)
                    .setParameter("initiative", left.initiativeId())
                    .setParameter("organisation", left.organisationId())
                    .executeUpdate()
                    .chain(() -> change(session, left.initiativeId(), left.organisationId(), leftAt, false, null));
        } else if (payload instanceof AgendaRatified ratified) {
            return unlessOutdated(session, ratified.initiativeId(), ratified.version(), () -> ratified(session, ratified));
        } else if (payload instanceof GoalActivated activated) {
            return unlessOutdated(session, activated.initiativeId(), activated.version(), () -> goal(session,
                    activated.initiativeId(), activated.goalId(), activated.parentGoalId(), activated.title(), true,
                    activated.version()));
        } else if (payload instanceof GoalRetired retired) {
            return session.createNativeQuery("UPDATE agenda_goal SET active = false, as_of_version = :version "
                            + "WHERE initiative_id = :initiative AND id = :goal AND as_of_version <= :version")
                    .setParameter("version", retired.version())
                    .setParameter("initiative", retired.initiativeId())
                    .setParameter("goal", retired.goalId())
                    .executeUpdate().replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> initiative(Mutiny.Session session, UUID id, String name, OffsetDateTime time) {
        return session.createNativeQuery("INSERT INTO agenda_initiative (id, name, as_of) VALUES (:id, :name, :asOf) "
                        + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, as_of = excluded.as_of "
                        + "WHERE agenda_initiative.as_of <= excluded.as_of")
                .setParameter("id", id).setParameter("name", name).setParameter("asOf", time)
                .executeUpdate().replaceWithVoid();
    }

    private static Uni<Void> partner(Mutiny.Session session, PartnerJoined joined, OffsetDateTime joinedAt) {
        return session.createNativeQuery("INSERT INTO agenda_membership (initiative_id, organisation_id, name, sector, "
                        + "role, current, as_of) VALUES (:initiative, :organisation, :name, :sector, :role, true, :asOf) "
                        + "ON CONFLICT (initiative_id, organisation_id) DO UPDATE SET name = excluded.name, "
                        + "sector = excluded.sector, role = excluded.role, current = true, as_of = excluded.as_of "
                        + "WHERE agenda_membership.as_of < excluded.as_of")
                .setParameter("initiative", joined.initiativeId())
                .setParameter("organisation", joined.organisationId())
                .setParameter("name", joined.organisationName())
                .setParameter("sector", joined.sector().name())
                .setParameter("role", joined.role().name())
                .setParameter("asOf", joinedAt)
                .executeUpdate()
                .chain(() -> change(session, joined.initiativeId(), joined.organisationId(), joinedAt, true,
                        joined.role().name()));
    }

    /** The history keeps every join and leave once, whatever order they arrive in. */
    private static Uni<Void> change(Mutiny.Session session, UUID initiative, UUID organisation, OffsetDateTime at,
            boolean joined, String role) {
        return session.createNativeQuery("INSERT INTO agenda_membership_change (initiative_id, organisation_id, at, "
                        + "joined, role) VALUES (:initiative, :organisation, :at, :joined, :role) ON CONFLICT DO NOTHING")
                .setParameter("initiative", initiative)
                .setParameter("organisation", organisation)
                .setParameter("at", at)
                .setParameter("joined", joined)
                .setParameter("role", role)
                .executeUpdate().replaceWithVoid();
    }

    /** Applies goal changes of {@code version} only if no newer agenda version has been applied. */
    private static Uni<Void> unlessOutdated(Mutiny.Session session, UUID initiative, int version,
            java.util.function.Supplier<Uni<Void>> change) {
        return session.createNativeQuery("SELECT coalesce(max(as_of_version), 0) FROM agenda_goal WHERE initiative_id = :initiative",
                        Integer.class)
                .setParameter("initiative", initiative)
                .getSingleResult()
                .chain(newest -> newest > version ? Uni.createFrom().voidItem() : change.get());
    }

    /** The ratified tree is the whole truth for its version: its goals are active, all others not. */
    private static Uni<Void> ratified(Mutiny.Session session, AgendaRatified ratified) {
        List<GoalSnapshot> goals = ratified.goals();
        Uni<Void> chain = session.createNativeQuery("UPDATE agenda_goal SET active = false, as_of_version = :version "
                        + "WHERE initiative_id = :initiative AND as_of_version < :version")
                .setParameter("version", ratified.version())
                .setParameter("initiative", ratified.initiativeId())
                .executeUpdate().replaceWithVoid();
        for (GoalSnapshot goal : goals) {
            chain = chain.chain(() -> goal(session, ratified.initiativeId(), goal.goalId(), goal.parentGoalId(),
                    goal.title(), true, ratified.version()));
        }
        return chain;
    }

    private static Uni<Void> goal(Mutiny.Session session, UUID initiative, UUID goal, UUID parent, String title,
            boolean active, int version) {
        return session.createNativeQuery("INSERT INTO agenda_goal (initiative_id, id, parent_id, title, active, as_of_version) "
                        + "VALUES (:initiative, :goal, cast(:parent AS uuid), :title, :active, :version) "
                        + "ON CONFLICT (initiative_id, id) DO UPDATE SET parent_id = excluded.parent_id, "
                        + "title = excluded.title, active = excluded.active, "
                        + "as_of_version = excluded.as_of_version WHERE agenda_goal.as_of_version <= excluded.as_of_version")
                .setParameter("initiative", initiative).setParameter("goal", goal).setParameter("parent", parent)
                .setParameter("title", title)
                .setParameter("active", active).setParameter("version", version)
                .executeUpdate().replaceWithVoid();
    }
}
