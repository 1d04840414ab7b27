package org.backbone.contracts.agenda;

import java.time.Instant;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An organisation left an initiative; its history stays. */
@EventType("org.backbone.agenda.partner.left.v1")
public record PartnerLeft(
        UUID initiativeId,
        UUID organisationId,
        Instant leftAt) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(organisationId);
    }
}
