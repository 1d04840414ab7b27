package org.backbone.activity.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.backbone.activity.service.Assessor;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.agenda.AgendaRatified;
import org.backbone.contracts.agenda.GoalActivated;
import org.backbone.contracts.agenda.GoalRetired;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.kit.agenda.AgendaReaction;

/**
 * A new agenda, a goal retired or activated, a partner joining or leaving changes the plan itself, so
 * the initiative's findings are recomputed in full once the projection holds the change (ORPHANED and
 * PARTNER_LEFT come from here). Agenda changes are rare; a full recompute is well inside its budget.
 */
@ApplicationScoped
class AgendaChanges implements AgendaReaction {

    private final Assessor assessor;

    AgendaChanges(Assessor assessor) {
        this.assessor = assessor;
    }

    @Override
    public Uni<Void> projected(BackboneEvent event) {
        boolean changesPlan = event instanceof AgendaRatified || event instanceof GoalRetired
                || event instanceof GoalActivated || event instanceof PartnerLeft || event instanceof PartnerJoined;
        return changesPlan ? assessor.full(event.initiativeId()).replaceWithVoid() : Uni.createFrom().voidItem();
    }
}
