package org.backbone.contracts.agenda;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A partner organisation decided on a proposed version (endorse or object). */
@EventType("org.backbone.agenda.agenda.endorsed.v1")
public record AgendaEndorsed(
        UUID initiativeId,
        int version,
        UUID organisationId,
        Decision decision,
        String comment) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(initiativeId);
    }
}
