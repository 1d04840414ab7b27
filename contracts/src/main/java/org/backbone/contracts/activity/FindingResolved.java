package org.backbone.contracts.activity;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** The data no longer shows a finding. */
@EventType("org.backbone.activity.finding.resolved.v1")
public record FindingResolved(UUID initiativeId, UUID findingId, FindingKind kind) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(findingId);
    }
}
