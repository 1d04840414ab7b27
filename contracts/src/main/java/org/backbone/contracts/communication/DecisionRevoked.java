package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A decision was revoked. */
@EventType("org.backbone.communication.decision.revoked.v1")
public record DecisionRevoked(
        UUID initiativeId,
        UUID decisionId,
        String reason) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(decisionId);
    }
}
