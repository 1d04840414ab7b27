package org.backbone.contracts.agenda;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** The draft agenda was frozen as a numbered version and put to the partners. */
@EventType("org.backbone.agenda.agenda.proposed.v1")
public record AgendaProposed(
        UUID initiativeId,
        int version,
        String proposedBy) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(initiativeId);
    }
}
