package org.backbone.contracts.activity;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A partner withdrew a commitment. */
@EventType("org.backbone.activity.commitment.withdrawn.v1")
public record CommitmentWithdrawn(
        UUID initiativeId,
        UUID commitmentId,
        UUID organisationId,
        UUID indicatorId,
        String period) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(commitmentId);
    }
}
