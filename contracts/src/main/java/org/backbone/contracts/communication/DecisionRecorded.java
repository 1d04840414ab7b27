package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A meeting recorded a decision. */
@EventType("org.backbone.communication.decision.recorded.v1")
public record DecisionRecorded(
        UUID initiativeId,
        UUID meetingId,
        UUID decisionId,
        String text) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(decisionId);
    }
}
