package org.backbone.measurement.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Who may see an initiative's measurement, from the projection of the agenda: staff and observers
 * see every initiative, a partner those its organisation currently belongs to; for anyone else
 * (and for initiatives this service has not heard of) it does not exist.
 */
@ApplicationScoped
public class InitiativeAccess {

    public Uni<Void> readable(Caller caller, UUID initiativeId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT count(*) FROM initiative i WHERE i.id = :initiative AND (:all OR EXISTS ("
                                + "SELECT 1 FROM partner p WHERE p.initiative_id = i.id AND p.organisation_id = :partner "
                                + "AND p.current))", Long.class)
                .setParameter("initiative", initiativeId)
                .setParameter("all", caller.readsAllInitiatives())
                .setParameter("partner", caller.partnerId().orElse(new UUID(0, 0)))
                .getSingleResult())
                .invoke(count -> {
                    if (count == 0) {
                        throw ProblemException.notFound("initiative " + initiativeId);
                    }
                }).replaceWithVoid();
    }

    /**
     * Like {@link #readable}, then 403 unless the caller is backbone staff.
     *
     * @param operation what is refused, as the refusal names it: "only backbone staff {operation}"
     */
    public Uni<Void> administrable(Caller caller, UUID initiativeId, String operation) {
        return readable(caller, initiativeId).invoke(() -> {
            if (!caller.isAdmin()) {
                throw ProblemException.forbidden("only backbone staff " + operation);
            }
        });
    }

    /** The active goals among {@code goalIds}. */
    public Uni<java.util.List<UUID>> activeGoals(UUID initiativeId, java.util.List<UUID> goalIds) {
        if (goalIds.isEmpty()) {
            return Uni.createFrom().item(java.util.List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT id FROM goal WHERE initiative_id = :initiative AND active", UUID.class)
                .setParameter("initiative", initiativeId)
                .getResultList())
                .map(active -> goalIds.stream().filter(active::contains).toList());
    }
}
