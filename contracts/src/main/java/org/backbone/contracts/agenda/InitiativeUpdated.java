package org.backbone.contracts.agenda;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An initiative's descriptive fields changed. */
@EventType("org.backbone.agenda.initiative.updated.v1")
public record InitiativeUpdated(
        UUID initiativeId,
        String name,
        String problemStatement,
        String vision,
        String mission,
        RatificationRule ratificationRule,
        long version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(initiativeId);
    }
}
