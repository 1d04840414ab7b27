package org.backbone.contracts.agenda;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A version was ratified and is now the current agenda; carries the goal tree. */
@EventType("org.backbone.agenda.agenda.ratified.v1")
public record AgendaRatified(
        UUID initiativeId,
        int version,
        String problemStatement,
        String vision,
        String mission,
        List<GoalSnapshot> goals) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(initiativeId);
    }
}
