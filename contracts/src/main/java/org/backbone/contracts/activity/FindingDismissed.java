package org.backbone.contracts.activity;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** Backbone staff dismissed a finding, with a reason; it holds until the activities involved change. */
@EventType("org.backbone.activity.finding.dismissed.v1")
public record FindingDismissed(UUID initiativeId, UUID findingId, FindingKind kind, String reason)
        implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(findingId);
    }
}
