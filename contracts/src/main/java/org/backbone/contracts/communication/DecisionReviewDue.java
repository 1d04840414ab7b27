package org.backbone.contracts.communication;

import java.time.LocalDate;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A decision reached its review date. */
@EventType("org.backbone.communication.decision.review-due.v1")
public record DecisionReviewDue(
        UUID initiativeId,
        UUID decisionId,
        String statement,
        LocalDate reviewOn) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(decisionId);
    }
}
