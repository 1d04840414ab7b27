package org.backbone.contracts.activity;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A coverage gap was closed by an activity. */
@EventType("org.backbone.activity.coverage.gap-closed.v1")
public record CoverageGapClosed(
        UUID initiativeId,
        UUID gapId,
        UUID goalId,
        String region) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(gapId);
    }
}
