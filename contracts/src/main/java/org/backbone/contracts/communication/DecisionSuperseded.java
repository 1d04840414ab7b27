package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A decision was replaced by a later one. */
@EventType("org.backbone.communication.decision.superseded.v1")
public record DecisionSuperseded(
        UUID initiativeId,
        UUID decisionId,
        UUID supersededBy) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(decisionId);
    }
}
