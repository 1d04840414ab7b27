package org.backbone.contracts.activity;

import java.math.BigDecimal;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A partner committed a contribution to an indicator's target for a period. */
@EventType("org.backbone.activity.commitment.made.v1")
public record CommitmentMade(
        UUID initiativeId,
        UUID commitmentId,
        UUID organisationId,
        UUID indicatorId,
        String period,
        String location,
        BigDecimal amount) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(commitmentId);
    }
}
