package org.backbone.contracts.activity;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A goal has no active activity in a region. */
@EventType("org.backbone.activity.coverage.gap-opened.v1")
public record CoverageGapOpened(
        UUID initiativeId,
        UUID gapId,
        UUID goalId,
        String region,
        String reason) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(gapId);
    }
}
