package org.backbone.contracts.activity;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** Several partners run activities for the same goal and region. */
@EventType("org.backbone.activity.overlap.detected.v1")
public record OverlapDetected(
        UUID initiativeId,
        UUID goalId,
        String region,
        List<UUID> activityIds,
        List<UUID> organisationIds) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(goalId);
    }
}
