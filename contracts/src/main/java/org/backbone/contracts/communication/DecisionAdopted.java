package org.backbone.contracts.communication;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A decision was adopted, at a meeting or asynchronously. */
@EventType("org.backbone.communication.decision.adopted.v1")
public record DecisionAdopted(
        UUID initiativeId,
        UUID decisionId,
        String statement,
        UUID meetingId,
        List<ObjectRef> affects,
        LocalDate reviewOn,
        UUID supersedes) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(decisionId);
    }
}
