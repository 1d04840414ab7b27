package org.backbone.contracts.agenda;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A goal became active through a ratified version. */
@EventType("org.backbone.agenda.goal.activated.v1")
public record GoalActivated(
        UUID initiativeId,
        UUID goalId,
        UUID parentGoalId,
        String title,
        Horizon horizon,
        int version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(goalId);
    }
}
