package org.backbone.contracts.agenda;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An initiative was created. */
@EventType("org.backbone.agenda.initiative.created.v1")
public record InitiativeCreated(
        UUID initiativeId,
        String name,
        String problemStatement,
        String vision,
        String mission,
        RatificationRule ratificationRule,
        String createdBy) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(initiativeId);
    }
}
