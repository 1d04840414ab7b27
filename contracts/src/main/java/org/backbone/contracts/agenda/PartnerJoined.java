package org.backbone.contracts.agenda;

import java.time.Instant;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An organisation joined an initiative. */
@EventType("org.backbone.agenda.partner.joined.v1")
public record PartnerJoined(
        UUID initiativeId,
        UUID organisationId,
        String organisationName,
        Sector sector,
        PartnerRole role,
        Instant joinedAt) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(organisationId);
    }
}
