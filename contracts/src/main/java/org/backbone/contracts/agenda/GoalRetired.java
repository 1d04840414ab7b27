package org.backbone.contracts.agenda;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A goal was dropped by a ratified version. */
@EventType("org.backbone.agenda.goal.retired.v1")
public record GoalRetired(
        UUID initiativeId,
        UUID goalId,
        int version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(goalId);
    }
}
