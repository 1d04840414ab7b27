package org.backbone.contracts.agenda;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An organisation was registered with the platform. Not bound to one initiative: initiativeId is the nil UUID. */
@EventType("org.backbone.agenda.organisation.registered.v1")
public record OrganisationRegistered(
        UUID initiativeId,
        UUID organisationId,
        String name,
        Sector sector,
        String country,
        String website) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(organisationId);
    }
}
